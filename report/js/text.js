// The report's words in Swedish (default) and English. Keys are used by report.js and the
// section scripts; a new section adds its words to both languages.
var TryggText = {
  sv: {
    title: "Trygghetsrapport – Borlänge",
    subtitle: "Simulerade scenarier med trygg, en agentbaserad modell av brott och brottsprevention",
    district: "Område", strategy: "Strategi", change: "Förändring", interval: "95 % intervall",
    base: "Utgångsläge", other: "Med strategin", mean: "Medel", low: "Lägre gräns", high: "Övre gräns",
    per_year: "per år", crimes: "brott",
    missing: {
      no_comparison: "Körningen jämförs inte med någon strategi (ingen --compare), så effekter, förflyttning och kostnader visas inte.",
      no_youth: "Körningen saknar uppgifter om unga (filen skrevs före ungdomsdelen).",
      no_safety: "Körningen saknar riskområdesindikator och trygghetsmått (filen skrevs före trygghetsdelen).",
      no_weeks: "Körningen har inga veckor att visa.",
      no_areas_in_city: "Stadens konfiguration i körfilen anger ingen fil med områdesgränser, så kartan visas som diagram.",
      areas_file_not_found: "Filen med områdesgränser (DeSO) som körningens stadskonfiguration anger finns inte här, så områdena visas som diagram i stället för karta.",
      areas_file_unreadable: "Filen med områdesgränser kunde inte läsas, så områdena visas som diagram i stället för karta.",
      no_hotspots: "Körningen saknar hotspotdata.",
      no_hotspot_cells: "Ingen ruta var en hotspot någon vecka under perioden.",
      one_strategy: "En rangordning kräver två eller fler strategier. Rapporten jämför bara en strategi med utgångsläget; ge fler med --compare för att rangordna dem.",
      no_weekly_picture: "Minst en av körfilerna saknar veckobilden av brott per ruta (filen skrevs före den versionen), så hotspots mätta med utgångslägets måttstock (ihållande, nya och försvunna) kan inte visas. Andelen brott i utgångslägets mest brottsutsatta rutor visas ändå."
    },
    summary: {
      title: "Sammanfattning",
      lead: "Vad som simulerades och hur mycket brott modellen ger i kommunen.",
      crimes_year: "brott per år i kommunen (medel)", range: "95 % av replikaten mellan",
      weeks: "veckor simulerade", replicates: "replikat (upprepade körningar)", residents: "invånare",
      strategies: "Jämförda strategier", none: "Ingen strategi jämförs med utgångsläget.",
      start: "Start", scenario: "Scenario",
      model_note: "Siffrorna är projektioner under antaganden, inte prognoser: de visar vad modellen ger om dess antaganden stämmer, och skillnaden mellan scenarier säger mer än nivåerna. Riskområdesindikatorn är modellens indikator, inspirerad av polisens kriterier – inte polisens bedömning eller beslut."
    },
    map: {
      title: "Karta över områdena",
      lead: "Brott per 1 000 invånare och år i varje område (SCB:s RegSO, ritade med DeSO-gränserna), och brott mot boende, näringsidkare och besökare per 1 000 invånare och år där brottet sker. Mörkare färg: fler brott.",
      crimes: "Alla brott per 1 000 invånare och år",
      victims_resident: "Brott mot boende per 1 000 invånare och år",
      victims_business: "Brott mot näringsidkare per 1 000 invånare och år",
      victims_visitor: "Brott mot besökare per 1 000 invånare och år",
      hotspots_title: "Hotspots: andel veckor som en cell var en hotspot",
      hotspots_lead: "Varje ruta är 100 × 100 m (SWEREF99 TM). Färgen visar hur stor andel av veckorna rutan var en statistiskt säker hotspot av brott (Getis–Ord Gi*), i medel över replikaten. Kartan är inzoomad där hotspots finns.",
      hotspots_close: "Närmare: där rutor var hotspots minst var femte vecka",
      share_weeks: "Andel veckor", residents: "Invånare"
    },
    trends: {
      title: "Utveckling över tid",
      lead_week: "Brott vecka för vecka i varje område. Linjen är medel över replikaten; det skuggade bandet rymmer de mittersta 95 % av replikaten (slumpens spridning). För hela kommunen visar bandet utgångsläget och linjerna strategierna.",
      lead_quarter: "Brott kvartal för kvartal i varje område. Linjen är medel över replikaten; det skuggade bandet rymmer de mittersta 95 % av replikaten (slumpens spridning). För hela kommunen visar bandet utgångsläget och linjerna strategierna.",
      city: "Hela kommunen", week: "Vecka", quarter: "Kvartal", crimes_week: "Brott per vecka", crimes_quarter: "Brott per kvartal"
    },
    effects: {
      title: "Strategiernas effekter",
      lead: "Förändring i brott med strategin jämfört med utgångsläget, i procent, med 95 % intervall. Replikat med samma slumptal jämförs parvis, så bara åtgärderna skiljer. Ett intervall som korsar noll betyder att effekten inte kan skiljas från slumpen.",
      total: "Alla brott", by_type: "Efter brottstyp", by_district: "Efter område", by_group: "Efter brottsoffer", by_hour: "Efter tid på dygnet",
      percent: "Förändring i procent (95 % intervall)", unpaired: "Obs: körningarna delar inte slumptal; intervallen är oparade (Welch) och bredare."
    },
    areas: {
      title: "Förflyttning eller spridning av nytta",
      lead: "Brott i rutorna där strategins åtgärder verkar (behandlat område), i en buffert runt dem och i resten av kommunen. Förflyttningskvoten (WDQ, Bowers & Johnson 2003) säger om brottet flyttade till bufferten (< 0) eller om nyttan spred sig dit (> 0).",
      treated: "Behandlat område", buffer: "Buffert", rest: "Resten", cells: "rutor", wdq: "Förflyttningskvot (WDQ)", reading: "Tolkning",
      readings: {
        no_treated: "Ej definierad: strategin verkar inte i någon ruta.",
        undefined: "Ej definierad: brottet ändrades inte i det behandlade området jämfört med resten.",
        no_success: "Brottet minskade inte i det behandlade området jämfört med resten, så kvoten mäter ingen förflyttning.",
        unclear: "Varken förflyttning eller spridning av nytta kan skiljas från slumpen (intervallet rymmer 0).",
        diffusion: "Spridning av nytta: brottet minskade också i bufferten.",
        displacement: "Förflyttning: brottet ökade i bufferten när det minskade i det behandlade området."
      }
    },
    ranking: {
      title: "Rangordning av strategier",
      lead: "Strategierna rangordnade efter vad de förhindrar jämfört med utgångsläget, och per miljon kronor. Varje replikat är samma simulerade år med samma slump för alla strategier, så de jämförs på lika villkor.",
      read: "Så läser du: punkten är medelvärdet över replikaten och linjen dess 95 % intervall; längre till höger är bättre. ”Bäst i andel av replikaten” är hur ofta strategin blev bäst under ett enskilt simulerat år – den fråga en styrgrupp ställer. ”Säkerhet om medelvärdet” (bootstrap) är hur säkert det är att strategins förväntade effekt är störst. Att inte göra något ingår inte i rangordningen: se intervallen för om en strategi hjälper alls.",
      rank: "Plats", p_best_replicates: "Bäst i andel av replikaten", p_best_bootstrap: "Säkerhet om medelvärdet (bootstrap)",
      p_best_chart: "Sannolikhet att vara bäst (andel av replikaten)", criterion: "Kriterium",
      not_ranked: "Rangordnas inte: ingen merkostnad", unpaired: "Körningarna delar inte slumptal (--unpaired): andelen replikat där strategin var bäst kan inte anges.",
      rate: "Nuvärden med diskonteringsränta",
      criteria: {
        crimes_prevented: "Förhindrade brott över perioden",
        harm_prevented_pv: "Förhindrad skada, nuvärde",
        harm_prevented_pv_per_msek: "Förhindrad skada per miljon kronor, nuvärden",
        crimes_prevented_pv_per_msek: "Förhindrade brott per miljon kronor, nuvärden"
      }
    },
    harm: {
      title: "Skada och kostnad över tid",
      lead: "Ett förhindrat rån väger tyngre än en förhindrad cykelstöld. Här vägs varje brott med ett skadeindex, och kostnader och brott räknas om till nuvärde: det som händer senare under perioden räknas lite lägre, som i samhällsekonomiska kalkyler.",
      index: "Skadeindex", unit: "Enhet", source: "Källa", weight: "Vikt per brott", type: "Brottstyp",
      rate: "Diskonteringsränta", per_year: "per år",
      harm: "Förhindrad skada", harm_pv: "Förhindrad skada, nuvärde", crimes_pv: "Förhindrade brott, nuvärde",
      cost_pv: "Merkostnad, nuvärde", per_crime_pv: "Kostnad per förhindrat brott (nuvärden)", per_harm_pv: "Kostnad per förhindrad skadeenhet, nuvärden",
      by_type: "Förhindrad skada per brottstyp, utan diskontering",
      timing_assumed: "Körfilen saknar åtgärdernas start- och slutdagar: kostnaderna antas börja dag 0.",
      read: "Så läser du: förhindrad skada är minskningen jämfört med utgångsläget (positivt = mindre skada), med 95 % intervall. Kostnaden per förhindrad enhet anges bara när hela intervallet är en minskning. Skadeindexet är ett golv (lägsta straff), inte en värdering; ett annat index kan ges med --harm.",
      readings: {
        determined: "",
        no_cost: "Ingen merkostnad.",
        no_reduction: "Inte bestämd: intervallet är inte helt en minskning.",
        few_replicates: "Inte bestämd: färre än 2 replikat ger inget intervall."
      },
      units: { "days of imprisonment": "fängelsedagar" }
    },
    hotspots: {
      title: "Hotspots mätta med utgångslägets måttstock",
      lead: "Hotspots definieras här en gång, av utgångsläget: varje strategis veckor prövas mot utgångslägets medelvärde och spridning för samma vecka. Då kan färre brott aldrig göra en ruta till en hotspot, och siffrorna svarar på det en planerare frågar: blev de ihållande hotspotsen färre, uppstod nya, och minskade brotten där de är mest koncentrerade?",
      relative: "Den veckovisa lägesbilden (det EST ser) prövar varje körning mot sitt eget medelvärde. När en strategi tar bort brott i det största klustret sjunker det medelvärdet, och mindre kluster blir då ”signifikanta”: den siffran kan stiga fast brotten minskar. Läs den inte som att strategin gjorde hotspots värre – det är måttstocken som flyttade sig.",
      top_share: "Andel av brotten i utgångslägets mest brottsutsatta rutor",
      top_cells: "rutor som i utgångsläget rymmer hälften av brotten",
      top_crimes: "Brott i utgångslägets mest brottsutsatta rutor",
      cell_weeks: "Hotspot-rutveckor (utgångslägets måttstock)",
      persistent: "Ihållande hotspots (mer än hälften av veckorna)",
      new_hot: "Nya ihållande hotspots", vanished: "Försvunna ihållande hotspots",
      own_rule: "Hotspot-rutveckor med egen måttstock (lägesbilden)",
      measure: "Mått", base: "Utgångsläge", other: "Med strategin", change: "Förändring",
      chart: "Förändring i procent med 95 % intervall (utgångslägets måttstock)",
      pp: "procentenheter"
    },
    cost: {
      title: "Kostnad",
      lead: "Strategins merkostnad över hela perioden (investering och drift) och kostnaden per förhindrat brott, med intervall från effektens 95 % intervall.",
      cost: "Merkostnad", prevented: "Förhindrade brott", per_crime: "Kostnad per förhindrat brott", measures: "Åtgärder",
      readings: {
        determined: "",
        no_reduction: "Inte bestämd: effektens 95 % intervall är inte helt en minskning.",
        few_replicates: "Inte bestämd: färre än 2 replikat ger inget intervall."
      }
    },
    outlook: {
      title: "Riskområden – utsikt per område",
      lead: "Andel av replikaten där modellens indikator placerar området i varje klass vid periodens slut. Indikatorn är inspirerad av polisens kriterier för utsatta områden men är inte polisens bedömning.",
      classes: { none: "Inte listat", utsatt: "Utsatt område", risk: "Riskområde", sarskilt_utsatt: "Särskilt utsatt område" },
      share: "Andel av replikaten", unsafe: "Otrygga ute sent", class: "Klass",
      changes: "Förändring med strategin: andel replikat där området listas (procentenheter)",
      pp: "procentenheter"
    },
    youth: {
      title: "Unga",
      lead: "Unga efter hemområde: nyrekryterade till kriminella nätverk under perioden, nätverksmedlemmar sista veckan och brott av 12–20-åringar, medel över replikaten med de mittersta 95 % av replikaten.",
      measures: { recruits: "Nyrekryterade", members: "Medlemmar sista veckan", offences: "Brott av 12–20-åringar" },
      changes: "Förändring med strategin i hela kommunen (95 % intervall)",
      outcomes: { youth_recruits: "Nyrekryterade", youth_members_at_horizon: "Medlemmar sista veckan", youth_offences: "Brott av 12–20-åringar" }
    },
    provenance: {
      title: "Ursprung och vad modellen är",
      lead: "Allt som behövs för att upprepa körningarna.",
      role: { base: "Utgångsläge", strategy: "Strategi" },
      run: "Körning", version: "trygg-version", commit: "Commit", seed: "Frö", replicates: "Replikat", weeks: "Veckor",
      start: "Startdatum", scenario: "Scenariofil", city: "Stadskonfiguration", scenario_text: "Scenariots text",
      report_by: "Rapporten skrevs av trygg",
      is: "Vad modellen är: en agentbaserad simulering av Borlänges invånare, platser och vardag, där brott uppstår när motiverade gärningspersoner möter lämpliga mål utan skydd. Den jämför scenarier under samma antaganden och samma slump.",
      is_not: "Vad modellen inte är: en prognos av hur många brott som kommer att ske, ett underlag för beslut om enskilda personer eller platser, eller polisens bedömning av utsatta områden. Siffrorna är projektioner under antaganden och ska läsas tillsammans med lägesbilden och lokal kunskap."
    }
  },
  en: {
    title: "Safety report – Borlänge",
    subtitle: "Simulated scenarios from trygg, an agent-based model of crime and crime prevention",
    district: "District", strategy: "Strategy", change: "Change", interval: "95% interval",
    base: "Baseline", other: "With the strategy", mean: "Mean", low: "Lower bound", high: "Upper bound",
    per_year: "a year", crimes: "crimes",
    missing: {
      no_comparison: "The run is not compared with any strategy (no --compare), so effects, displacement and costs are not shown.",
      no_youth: "The run has no data on young people (the file was written before the youth layer).",
      no_safety: "The run has no risk-area indicator or safety measures (the file was written before the safety layer).",
      no_weeks: "The run has no weeks to show.",
      no_areas_in_city: "The city config in the run file names no file of district boundaries, so the districts are shown as charts.",
      areas_file_not_found: "The file of district boundaries (DeSO) that the run's city config names is not here, so the districts are shown as charts instead of a map.",
      areas_file_unreadable: "The file of district boundaries could not be read, so the districts are shown as charts instead of a map.",
      no_hotspots: "The run has no hotspot data.",
      no_hotspot_cells: "No cell was a hotspot in any week of the run.",
      one_strategy: "A ranking needs two or more strategies. This report compares only one strategy with the baseline; give more with --compare to rank them.",
      no_weekly_picture: "At least one of the run files lacks the weekly picture of crime per cell (it was written before that version), so hotspots on the baseline's yardstick (persistent, new and vanished) cannot be shown. The share of crime in the baseline's top cells is shown all the same."
    },
    summary: {
      title: "Summary",
      lead: "What was simulated, and how much crime the model gives in the municipality.",
      crimes_year: "crimes a year in the municipality (mean)", range: "95% of replicates between",
      weeks: "weeks simulated", replicates: "replicates (repeated runs)", residents: "residents",
      strategies: "Strategies compared", none: "No strategy is compared with the baseline.",
      start: "Start", scenario: "Scenario",
      model_note: "The figures are projections under assumptions, not forecasts: they show what the model gives if its assumptions hold, and the difference between scenarios says more than the levels. The risk-area indicator is the model's indicator, inspired by the police's criteria – not the police's assessment or decision."
    },
    map: {
      title: "Map of the districts",
      lead: "Crimes per 1,000 residents a year in each district (SCB's RegSO, drawn with the DeSO boundaries), and crimes against residents, business owners and visitors per 1,000 residents a year where the crime happens. Darker: more crime.",
      crimes: "All crimes per 1,000 residents a year",
      victims_resident: "Crimes against residents per 1,000 residents a year",
      victims_business: "Crimes against business owners per 1,000 residents a year",
      victims_visitor: "Crimes against visitors per 1,000 residents a year",
      hotspots_title: "Hotspots: share of weeks a cell was a hotspot",
      hotspots_lead: "Each square is 100 × 100 m (SWEREF99 TM). Its colour is the share of weeks it was a statistically significant crime hotspot (Getis–Ord Gi*), mean over replicates. The map is zoomed to where hotspots are.",
      hotspots_close: "Closer: where cells were hotspots in at least one week in five",
      share_weeks: "Share of weeks", residents: "Residents"
    },
    trends: {
      title: "Trends over time",
      lead_week: "Crime week by week in each district. The line is the mean over replicates; the shaded band holds the middle 95% of replicates (chance variation). For the whole municipality the band is the baseline's and the lines are the strategies.",
      lead_quarter: "Crime quarter by quarter in each district. The line is the mean over replicates; the shaded band holds the middle 95% of replicates (chance variation). For the whole municipality the band is the baseline's and the lines are the strategies.",
      city: "The whole municipality", week: "Week", quarter: "Quarter", crimes_week: "Crimes a week", crimes_quarter: "Crimes a quarter"
    },
    effects: {
      title: "The strategies' effects",
      lead: "Change in crime with the strategy against the baseline, in percent, with 95% intervals. Replicates with the same random numbers are compared pairwise, so only the measures differ. An interval that crosses zero means the effect cannot be told apart from chance.",
      total: "All crimes", by_type: "By crime type", by_district: "By district", by_group: "By victim", by_hour: "By time of day",
      percent: "Change in percent (95% interval)", unpaired: "Note: the runs do not share random numbers; the intervals are unpaired (Welch) and wider."
    },
    areas: {
      title: "Displacement or diffusion of benefit",
      lead: "Crime in the cells where the strategy's measures act (treated area), in a buffer around them and in the rest of the municipality. The weighted displacement quotient (WDQ, Bowers & Johnson 2003) says whether crime moved into the buffer (< 0) or the benefit spread there (> 0).",
      treated: "Treated area", buffer: "Buffer", rest: "Rest", cells: "cells", wdq: "Displacement quotient (WDQ)", reading: "Reading",
      readings: {
        no_treated: "Undefined: the strategy acts in no cell.",
        undefined: "Undefined: crime in the treated area did not change relative to the rest.",
        no_success: "Crime did not fall in the treated area relative to the rest, so the quotient measures no displacement.",
        unclear: "Neither displacement nor diffusion of benefit can be told apart from chance (the interval holds 0).",
        diffusion: "Diffusion of benefit: crime fell in the buffer too.",
        displacement: "Displacement: crime rose in the buffer as it fell in the treated area."
      }
    },
    ranking: {
      title: "Ranking the strategies",
      lead: "The strategies ranked by what they prevent against the baseline, and per million kronor. Each replicate is the same simulated year with the same chance for every strategy, so they are compared on equal terms.",
      read: "How to read it: the dot is the mean over replicates and the line its 95% interval; further right is better. \u201cBest in share of replicates\u201d is how often the strategy turned out best in one simulated year \u2013 the question a steering group asks. \u201cConfidence in the mean\u201d (bootstrap) is how sure the runs are that its expected effect is the highest. Doing nothing is not a candidate: read the intervals for whether a strategy helps at all.",
      rank: "Rank", p_best_replicates: "Best in share of replicates", p_best_bootstrap: "Confidence in the mean (bootstrap)",
      p_best_chart: "Probability of being best (share of replicates)", criterion: "Criterion",
      not_ranked: "Not ranked: no extra cost", unpaired: "The runs do not share random numbers (--unpaired): the share of replicates in which a strategy was best cannot be given.",
      rate: "Present values at a discount rate of",
      criteria: {
        crimes_prevented: "Crimes prevented over the horizon",
        harm_prevented_pv: "Harm prevented, present value",
        harm_prevented_pv_per_msek: "Harm prevented per million kronor, present values",
        crimes_prevented_pv_per_msek: "Crimes prevented per million kronor, present values"
      }
    },
    harm: {
      title: "Harm and cost over time",
      lead: "A robbery prevented weighs more than a bicycle theft prevented. Here each crime is weighted by a crime harm index, and costs and crimes are converted to present values: what happens later in the horizon counts a little less, as in public cost\u2013benefit analysis.",
      index: "Harm index", unit: "Unit", source: "Source", weight: "Weight per crime", type: "Crime type",
      rate: "Discount rate", per_year: "a year",
      harm: "Harm prevented", harm_pv: "Harm prevented, present value", crimes_pv: "Crimes prevented, present value",
      cost_pv: "Extra cost, present value", per_crime_pv: "Cost per crime prevented (present values)", per_harm_pv: "Cost per unit of harm prevented, present values",
      by_type: "Harm prevented by crime type, undiscounted",
      timing_assumed: "The run file lacks the measures' first and last days: costs are assumed to start on day 0.",
      read: "How to read it: harm prevented is the fall against the baseline (positive = less harm), with its 95% interval. A cost per unit prevented is given only when the whole interval is a reduction. The harm index is a floor (lowest penalties), not a valuation; another index can be given with --harm.",
      readings: {
        determined: "",
        no_cost: "No extra cost.",
        no_reduction: "Not determined: the interval is not wholly a reduction.",
        few_replicates: "Not determined: fewer than 2 replicates give no interval."
      },
      units: {}
    },
    hotspots: {
      title: "Hotspots on the baseline's yardstick",
      lead: "Here hotspots are defined once, by the baseline: every week of each strategy is tested against the baseline's mean and spread for the same week. Less crime can then never make a cell a hotspot, and the figures answer what planners ask: are there fewer persistent hotspots, did new ones appear, and did crime fall where it concentrates?",
      relative: "The weekly situation picture (what EST sees) tests each run against its own mean. When a strategy removes crime from the largest cluster that mean falls, and smaller clusters become \u201csignificant\u201d: that figure can rise while crime falls. Do not read it as the strategy making hotspots worse \u2013 it is the yardstick that moved.",
      top_share: "Share of crime in the baseline's top cells",
      top_cells: "cells that hold half of the baseline's crime",
      top_crimes: "Crimes in the baseline's top cells",
      cell_weeks: "Hotspot cell-weeks (baseline's yardstick)",
      persistent: "Persistent hotspots (more than half the weeks)",
      new_hot: "New persistent hotspots", vanished: "Vanished persistent hotspots",
      own_rule: "Hotspot cell-weeks on each run's own yardstick (situation picture)",
      measure: "Measure", base: "Baseline", other: "With the strategy", change: "Change",
      chart: "Change in percent with 95% interval (baseline's yardstick)",
      pp: "percentage points"
    },
    cost: {
      title: "Cost",
      lead: "The strategy's extra cost over the whole horizon (investment and running) and the cost per crime prevented, with the interval that follows from the effect's 95% interval.",
      cost: "Extra cost", prevented: "Crimes prevented", per_crime: "Cost per crime prevented", measures: "Measures",
      readings: {
        determined: "",
        no_reduction: "Not determined: the effect's 95% interval is not wholly a reduction.",
        few_replicates: "Not determined: fewer than 2 replicates give no interval."
      }
    },
    outlook: {
      title: "Risk areas – outlook per district",
      lead: "Share of replicates in which the model's indicator puts the district in each class at the end of the horizon. The indicator is inspired by the police's criteria for vulnerable areas but is not the police's assessment.",
      classes: { none: "Not listed", utsatt: "Vulnerable area", risk: "Risk area", sarskilt_utsatt: "Especially vulnerable area" },
      share: "Share of replicates", unsafe: "Unsafe out late", class: "Class",
      changes: "Change with the strategy: share of replicates in which the district is listed (percentage points)",
      pp: "percentage points"
    },
    youth: {
      title: "Young people",
      lead: "Young people by home district: recruits into criminal networks over the horizon, network members in the last week and offences by 12–20-year-olds, mean over replicates with the middle 95% of replicates.",
      measures: { recruits: "Recruits", members: "Members in the last week", offences: "Offences by 12–20-year-olds" },
      changes: "Change with the strategy in the whole municipality (95% interval)",
      outcomes: { youth_recruits: "Recruits", youth_members_at_horizon: "Members in the last week", youth_offences: "Offences by 12–20-year-olds" }
    },
    provenance: {
      title: "Provenance and what the model is",
      lead: "Everything needed to repeat the runs.",
      role: { base: "Baseline", strategy: "Strategy" },
      run: "Run", version: "trygg version", commit: "Commit", seed: "Seed", replicates: "Replicates", weeks: "Weeks",
      start: "Start date", scenario: "Scenario file", city: "City config", scenario_text: "The scenario's text",
      report_by: "The report was written by trygg",
      is: "What the model is: an agent-based simulation of Borlänge's residents, places and daily routines, in which crime happens when motivated offenders meet suitable targets without guardians. It compares scenarios under the same assumptions and the same chance.",
      is_not: "What the model is not: a forecast of how many crimes will happen, a basis for decisions about individual people or places, or the police's assessment of vulnerable areas. The figures are projections under assumptions, to be read with the current situation picture and local knowledge."
    }
  },
  // Names of the model's categories, as the run file spells them.
  names: {
    sv: {
      burglary: "Inbrott", vehicle_theft: "Fordonsstöld", bicycle_theft: "Cykelstöld", other_theft: "Övrig stöld",
      shop_theft: "Butiksstöld", vandalism: "Skadegörelse", robbery: "Rån", assault: "Misshandel", drugs: "Narkotikabrott",
      resident: "Boende", business: "Näringsidkare", visitor: "Besökare", total: "Alla brott",
      treated: "Behandlat område", buffer: "Buffert", rest: "Resten"
    },
    en: {
      burglary: "Burglary", vehicle_theft: "Vehicle theft", bicycle_theft: "Bicycle theft", other_theft: "Other theft",
      shop_theft: "Shop theft", vandalism: "Vandalism", robbery: "Robbery", assault: "Assault", drugs: "Drug offences",
      resident: "Residents", business: "Business owners", visitor: "Visitors", total: "All crimes",
      treated: "Treated area", buffer: "Buffer", rest: "Rest"
    }
  }
};
