#pragma once
// The synthetic population as a structure of arrays: one array per field, one entry per
// person, persons ordered by home cell (so the hour loop walks memory and cells in order).
#include <cstdint>
#include <vector>

namespace trygg {

// What a person's ordinary day is built around.
enum class Schedule : std::uint8_t {
    Preschool,       // 1–5: förskola on working days
    ChildPupil,      // 6–12: grundskola years F–6
    TeenPupil,       // 13–15: grundskola years 7–9
    UpperSecondary,  // 16–19 enrolled in gymnasium
    University,      // students at Högskolan Dalarna
    Worker,          // employed, in the municipality or commuting out
    NotEmployed,     // working age, no job or study place
    Pensioner,       // 65+
    Count
};
inline constexpr int kSchedules = static_cast<int>(Schedule::Count);

// Leisure pattern of a young person (Situational Action Theory: where the hours are spent
// matters as much as propensity — Wikström et al. 2012). Adults are Neutral.
enum class Leisure : std::uint8_t { Neutral, Structured, Unstructured, Homebody, Count };
inline constexpr int kLeisurePatterns = static_cast<int>(Leisure::Count);

// Involvement in a criminal network (DESIGN §3.7; the PROTON-OC states, Calderoni et al.
// 2022): none → contact → associate → member.
enum class Network : std::uint8_t { None, Contact, Associate, Member, Count };
inline constexpr int kNetworkStates = static_cast<int>(Network::Count);

// Use of one substance (ANDTS, DESIGN §3.9): none; experimenting (used in the past year,
// CAN's "konsument"); regular (monthly intensive drinking; narcotics in the past month).
enum class Use : std::uint8_t { None, Experimenting, Regular, Count };
inline constexpr int kUseLevels = static_cast<int>(Use::Count);

// Peer ties per person (school class, neighbourhood, leisure, co-offending), fixed slots.
inline constexpr int kTies = 8;

inline constexpr std::int32_t kOutsideCity = -1;  // anchor outside the municipality

struct Population {
    // Per person.
    std::vector<std::uint8_t> age;           // [years]
    std::vector<std::uint8_t> male;          // 1 male, 0 female
    std::vector<std::uint32_t> household;    // household index
    std::vector<std::int32_t> home_cell;     // grid cell of the home
    std::vector<std::uint8_t> schedule;      // Schedule
    std::vector<std::int32_t> anchor_cell;   // work/school cell, kOutsideCity, or the home cell
    std::vector<std::int32_t> school_place;  // place index of the school, -1 if none
    std::vector<std::uint16_t> birthday;     // day of the year (0 = 1 January) the age goes up
    std::vector<float> propensity;           // offending rate multiplier; 0 = not offending now
    // Situational Action Theory (Wikström et al. 2012): crime propensity is low morality plus
    // low self-control. Both are z-scores against the age norm at 16; the SAT index
    // −(morality + self-control + maturation(age))/√2 decides who sees crime as an option.
    std::vector<float> self_control;       // z-score, + = more self-control
    std::vector<float> morality;           // z-score, + = stronger moral rules against crime; moves weekly
    std::vector<float> morality_base;      // the person's own level, to which morality returns
    std::vector<float> intensity;          // offending rate when offending (lognormal, mean 1: the prolific few)
    std::vector<float> school_engagement;  // z-score, pupils; + = engaged
    std::vector<std::uint8_t> leisure;     // Leisure
    std::vector<std::uint8_t> alcohol;     // Use
    std::vector<std::uint8_t> narcotics;   // Use
    std::vector<std::uint8_t> drug_debt;   // 1: owes for drugs (a lever of recruitment)
    std::vector<std::uint8_t> network;     // Network
    std::vector<std::int32_t> ties;        // [person][kTies] peers, -1 empty

    // Per household.
    std::vector<std::int32_t> household_cell;

    std::size_t size() const { return age.size(); }
    std::size_t households() const { return household_cell.size(); }
};

}  // namespace trygg
