#pragma once
// Recruitment into criminal networks (DESIGN §3.7), shaped on the PROTON-OC model
// (Calderoni et al. 2022, J. Quant. Criminol.): a contagion on the peer and co-offending
// network. Weekly, among 12–35-year-olds: none → contact through ties to associates and
// members, through unstructured time where members were, and through the network's
// presence in the home district; contact → associate with crime propensity (the SAT index)
// and drug debts; associate → member through ties to members. Contacts that go nowhere
// lapse. Members leave through arrest and prison spells, ageing out and exit programmes
// (avhopparverksamhet). Members commit a share of the violence and deal drugs openly.
#include "population/population.hpp"

#include <cstdint>
#include <vector>

namespace trygg {

struct RecruitmentParams {
    int min_age = 12;
    int max_age = 35;
    // none → contact [per week]
    double contact_per_tie = 0.0;       // per tie to an associate or member
    double contact_per_exposure = 0.0;  // per 10 h unstructured where members were
    double contact_per_presence = 0.0;  // per member per 1,000 residents of the home district
    // contact → associate [per week] at the SAT threshold, × exp(slope × (index − threshold))
    double associate_rate = 0.0;
    double associate_slope = 0.0;
    double debt_factor = 1.0;  // × for those with drug debts
    // associate → member [per week]: at the SAT threshold × exp(slope × (index − threshold)),
    // plus per tie to a member
    double member_rate = 0.0;
    double member_per_tie = 0.0;
    double contact_lapse_per_year = 0.0;    // contact → none
    double associate_lapse_per_year = 0.0;  // associate → none
    // Exits of members [per year]
    double member_exit_per_year = 0.0;
    int ageing_out_from = 30;            // exits rise from this age …
    double ageing_out_per_year = 0.0;    // … by this much a year
    double arrest_exit_share = 0.0;      // an arrest (prison spell) ends membership with this probability
    double exit_programme_factor = 1.0;  // × exit rate for participants of an exit programme
    // Behaviour of members: × their rates of violence and of drug offences (open dealing).
    double member_violence_factor = 1.0;
    double member_drug_factor = 1.0;
    // Initial members and associates per district (police estimates scaled to Borlänge).
    std::vector<double> initial_members;     // [district]
    std::vector<double> initial_associates;  // [district]
};

// One person's week, as recruitment sees it.
struct RecruitmentInputs {
    double ties_in_network = 0.0;  // ties who are associates or members
    double ties_to_members = 0.0;
    double member_exposure_hours = 0.0;  // unstructured hours at sites where members were
    double district_members_per_1000 = 0.0;
    double sat_index = 0.0;
    double threshold = 0.0;
    bool debt = false;
    bool exit_programme = false;
    int age = 0;
};

// The next state from the current one and a uniform draw.
Network next_network_state(const RecruitmentParams& p, Network now, const RecruitmentInputs& in, double u);

}  // namespace trygg
