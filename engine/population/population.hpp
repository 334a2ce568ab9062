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

// Involvement in a criminal network (DESIGN §3.7); everyone starts at None until the
// recruitment model exists.
enum class Network : std::uint8_t { None, Contact, Associate, Member };

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
    std::vector<float> propensity;           // offending propensity, 0 = no active criminal career
    // Youth state (DESIGN §3.3), neutral for everyone outside 12–20.
    std::vector<float> self_control;          // z-score, + = more self-control
    std::vector<float> morality;              // z-score, + = stronger moral rules against crime
    std::vector<std::uint8_t> leisure;        // Leisure
    std::vector<std::uint8_t> substance_use;  // 0 none (ANDTS model to come)
    std::vector<std::uint8_t> network;        // Network

    // Per household.
    std::vector<std::int32_t> household_cell;

    std::size_t size() const { return age.size(); }
    std::size_t households() const { return household_cell.size(); }
};

}  // namespace trygg
