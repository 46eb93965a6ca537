"""Look-alike facts of two outlets that are no conflict: each story below once drew a false
discrepancy from a rule that read too widely (a review of the day's changes found them).

Every article below is invented for these tests.
"""

from __future__ import annotations

import pytest

from tests.conftest import check_articles as _check

STORIES = {
    "a-severe-storm-injured-all": (
        (
            "a.txt",
            "2026-03-05",
            "Storm injures 40 in Kelvar province\n\nA severe storm injured 40 people in the town of Drossel on Tuesday, tearing roofs off homes, officials said.\n\nPower was cut to some 12,000 households.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Forty hurt as storm lashes Drossel\n\nForty people were injured when a storm swept through the town of Drossel on Tuesday, officials said.\n\nFour people were seriously injured in the storm and remain in hospital in Drossel.\n",
        ),
    ),
    "a-minor-quake-injured-all": (
        (
            "a.txt",
            "2026-03-05",
            "Quake jolts Marrin valley\n\nA minor earthquake injured three people in the Marrin valley on Wednesday, the regional emergency service said.\n\nThe magnitude 4.2 tremor cracked walls in several villages.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Three hurt in Marrin tremor\n\nThree people were injured when a magnitude 4.2 earthquake shook the Marrin valley on Wednesday, the regional emergency service said.\n\nOne suffered minor injuries and two were taken to hospital with fractures.\n",
        ),
    ),
    "a-serious-accident-injured-all": (
        (
            "a.txt",
            "2026-03-05",
            "Six injured in Pellham crash\n\nA serious accident injured six people on the A41 near Pellham on Sunday, police said.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Pellham crash leaves six hurt\n\nSix people were injured in an accident on the A41 near Pellham on Sunday, police said.\n\nTwo were seriously injured in the accident.\n",
        ),
    ),
    "severe-flooding-killed-all": (
        (
            "a.txt",
            "2026-03-05",
            "Floods kill 12 in Tesmar province\n\nSevere flooding killed 12 people across Tesmar province this week, the civil protection agency said on Wednesday.\n\nIn the town of Orvik, mudslides killed three.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Tesmar flood toll reaches 12\n\nTwelve people have died in floods across Tesmar province this week, the civil protection agency said on Wednesday.\n\nIn Orvik, severe mudslides killed three.\n",
        ),
    ),
    "the-seriously-injured-included": (
        (
            "a.txt",
            "2026-03-05",
            "Thirty hurt in Pesk stand collapse\n\nThirty people were injured when a stand collapsed at a football ground in Pesk on Saturday, police said.\n\nThe seriously injured included three children.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Stand collapse at Pesk ground\n\nA stand collapsed at a football ground in Pesk on Saturday, injuring 30 people, police said.\n\nEight people were seriously injured.\n",
        ),
    ),
    "a-storm-hit-at-an-hour": (
        (
            "a.txt",
            "2026-03-05",
            "Storm batters Kessa coast\n\nThe storm hit at around 2 a.m. on Saturday, flooding streets in the port of Kessa, the weather service said. The storm was downgraded on Sunday.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Kessa streets flooded\n\nA storm struck the port of Kessa early on Saturday, flooding streets, the weather service said. It was downgraded to a tropical depression on Sunday.\n",
        ),
    ),
    "a-storm-hit-four-provinces": (
        (
            "a.txt",
            "2026-03-05",
            "Storm Mara batters four provinces\n\nStorm Mara hit four provinces on Sunday, killing six people and cutting power to 200,000 homes, officials said. The storm weakened on Monday as it moved inland.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Six dead as Storm Mara strikes\n\nStorm Mara struck on Sunday, killing six people and leaving 200,000 homes without power, officials said. It weakened as it moved inland on Monday.\n",
        ),
    ),
    "a-strike-hit-twelve-ports": (
        (
            "a.txt",
            "2026-03-05",
            "Dock strike hits 12 ports\n\nA 24-hour strike by dock workers hit 12 ports on Monday, halting container traffic, the union said.\n\nThe 24-hour strike had been called on Friday after pay talks collapsed.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Dockers walk out at 12 ports\n\nDock workers staged a 24-hour strike at 12 ports on Monday, halting container traffic, their union said.\n\nThe union called the stoppage after pay talks collapsed last week.\n",
        ),
    ),
    "will-walk-off-for-hours-from-a-weekday": (
        (
            "a.txt",
            "2026-03-05",
            "Nurses to strike for 48 hours\n\nNurses at Varlo's public hospitals will walk off the job for 48 hours from Tuesday, their union said.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Varlo nurses to strike\n\nNurses at Varlo's public hospitals will stage a 48-hour strike starting on Tuesday, March 10, their union said.\n",
        ),
    ),
    "walked-off-for-hours-from-a-weekday": (
        (
            "a.txt",
            "2026-03-09",
            "Pilots end strike\n\nPilots at Tarrow Air walked off the job for 48 hours from Thursday, grounding most of its fleet, the airline said.\n",
        ),
        (
            "b.txt",
            "2026-03-09",
            "Tarrow Air flights resume\n\nTarrow Air flights resumed on Saturday after a 48-hour strike by its pilots, which began on Thursday, grounded most of its fleet.\n",
        ),
    ),
    "a-week-from-a-weekday": (
        (
            "a.txt",
            "2026-03-05",
            "Nurses to strike\n\nNurses at Varlo's public hospitals will walk off the job a week from Monday unless the government improves its pay offer, their union said.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Varlo nurses set strike date\n\nNurses at Varlo's public hospitals will begin a 24-hour strike on March 16 unless the government improves its pay offer, their union said.\n",
        ),
    ),
    "a-semi-final-and-a-final": (
        # two stages of one contest are two events: Friday's semi-final, Saturday's final
        (
            "a.txt",
            "2023-06-12",
            "Okafor claims Linden Cup\n\nOkafor won the Linden Cup on Sunday. In Friday's semifinal, Okafor knocked out the top seed, and he reached the final having lost only one set.\n",
        ),
        (
            "b.txt",
            "2023-06-12",
            "Okafor the Linden champion\n\nOkafor's final came a day after the junior final, which was staged on the main court on Saturday, June 10.\n",
        ),
    ),
    "a-date-opening-its-own-clause": (
        # "..., and on Sunday she was calmer still": Sunday is no quarter-final's day
        (
            "a.txt",
            "2023-06-12",
            "Keller lifts the Osterby trophy\n\nOn Thursday Keller outplayed the local wildcard Mia Strand in the quarter-final, and yesterday she looked calmer still against the second seed.\n",
        ),
        (
            "b.txt",
            "2023-06-12",
            "Keller wins in Osterby\n\nKeller saw off Mia Strand in the quarter-final on Thursday and never dropped a set.\n",
        ),
    ),
    "a-count-risen-on-a-later-day": (
        # "rose to 58 on Monday" dates the count, not the reception before it
        (
            "a.txt",
            "2025-06-10",
            "Food poisoning cases climb after Delbury wedding\n\nThe number of guests taken ill after a wedding reception in Delbury rose to 58 on Monday, health officials said.\n\nSamples of a chicken dish have been sent for testing.\n",
        ),
        (
            "b.txt",
            "2025-06-10",
            "Dozens sick after Delbury wedding feast\n\nHealth officials said on Monday that 58 people had fallen ill after eating at a wedding reception on Saturday in Delbury.\n\nInspectors closed the hotel kitchen while samples are tested.\n",
        ),
    ),
    "trapped-part-of-a-whole": (
        (
            "a.txt",
            "2025-03-12",
            "Twelve miners trapped after collapse at Harlow pit\n\nTwelve miners were trapped on Tuesday when a tunnel collapsed at the Harlow coal mine in the Vastmere region, officials said.\n\nRescuers pulled nine men out overnight. Three miners remain trapped, the mine operator said on Wednesday.\n",
        ),
        (
            "b.txt",
            "2025-03-12",
            "Rescuers race to reach three miners at Harlow\n\nRescue teams reached nine of the twelve miners trapped by Tuesday's tunnel collapse at the Harlow mine, the regional governor said.\n\nThree men are still trapped about 300 metres underground.\n",
        ),
    ),
    "evacuated-a-part-on-one-day": (
        (
            "a.txt",
            "2025-08-14",
            "Wildfire near Tellis forces evacuations\n\nA wildfire near the town of Tellis has burned 4,000 hectares, fire officials said on Tuesday.\nAbout 2,100 people from 16 hamlets have been evacuated since Sunday.\n",
        ),
        (
            "b.txt",
            "2025-08-14",
            "Thousands flee Tellis fire\n\nA wildfire outside Tellis has burned 4,000 hectares, the regional fire service said.\nPolice evacuated 1,400 people from 16 hamlets on Sunday, and a further 700 were evacuated on Monday as the wind turned.\n",
        ),
    ),
    "evacuated-children-a-part": (
        (
            "a.txt",
            "2025-08-14",
            "Wildfire near Tellis forces evacuations\n\nA wildfire near the town of Tellis has burned 4,000 hectares, fire officials said on Tuesday.\nAbout 2,100 people from 16 hamlets have been evacuated since Sunday, officials said.\n",
        ),
        (
            "b.txt",
            "2025-08-14",
            "Thousands flee Tellis fire\n\nA wildfire outside Tellis has burned 4,000 hectares, the regional fire service said.\nSome 140 children from 16 hamlets were evacuated by bus to a sports hall in Dorran.\n",
        ),
    ),
    "a-prisoner-released-for-hostages-freed": (
        (
            "a.txt",
            "2025-09-18",
            "Five aid workers held in Karsa freed\n\nFive aid workers held by rebels in northern Karsa were freed on Wednesday, ending eleven months of captivity, the foreign ministry said.\n",
        ),
        (
            "b.txt",
            "2025-09-18",
            "Karsa frees rebel commander in deal for aid workers\n\nKarsa released jailed rebel commander Tomas Vell on Tuesday, in a deal with the rebels holding five aid workers in northern Karsa, the foreign ministry said.\n",
        ),
    ),
    "older-bonds-yielding": (
        (
            "a.txt",
            "2025-05-07",
            "Varsen sells five-year bonds\n\nVarsen Power placed 500 million euros of five-year bonds at a yield of 2.85%, the company said on Tuesday. The bonds carry a coupon of 3.125%.\n",
        ),
        (
            "b.txt",
            "2025-05-07",
            "Varsen Power prices bond\n\nVarsen Power priced 500 million euros of five-year notes on Tuesday with a 3.125% coupon. Demand was strong and the company's older 2030 bonds were yielding 3.4% after the sale.\n",
        ),
    ),
    "tax": (
        (
            "a.txt",
            "2025-03-27",
            "Budget cuts top rate of income tax\n\nThe chancellor said on Wednesday that the top rate of income tax will be cut from 45% to 40% from April.\nThe measure was welcomed by business groups.\n",
        ),
        (
            "b.txt",
            "2025-03-27",
            "Chancellor unveils budget\n\nThe chancellor unveiled her budget on Wednesday. The basic rate of income tax will stay at 20%, she told parliament.\nBusiness groups welcomed the budget.\n",
        ),
    ),
    "vat": (
        (
            "a.txt",
            "2024-10-31",
            "Budget freezes fuel duty\n\nThe chancellor said on Wednesday that VAT on home energy bills would stay at 5% for another year.\nFuel duty will also be frozen.\n",
        ),
        (
            "b.txt",
            "2024-10-31",
            "Chancellor rules out VAT rise\n\nThe chancellor ruled out raising the standard rate of VAT above 20% in her budget on Wednesday.\nFuel duty will also be frozen.\n",
        ),
    ),
    "trapped2": (
        (
            "a.txt",
            "2023-02-10",
            "Girl pulled alive from rubble in Turkey\n\nRescuers in Turkey are still searching for survivors of Monday's earthquake.\nA 10-year-old girl was trapped for 90 hours before she was rescued, officials said.\n",
        ),
        (
            "b.txt",
            "2023-02-10",
            "More survivors found in quake zone\n\nRescuers in Turkey are still searching for survivors of Monday's earthquake.\nA woman was trapped for 104 hours before rescuers reached her, officials said.\n",
        ),
    ),
    "underground": (
        (
            "a.txt",
            "2024-02-10",
            "Miners rescued after six days in Zimbabwe\n\nAll 12 miners trapped in a collapsed gold mine in Zimbabwe have been rescued, officials said on Saturday.\nThe men were trapped for six days.\n",
        ),
        (
            "b.txt",
            "2024-02-10",
            "Zimbabwe miners brought out alive\n\nAll 12 miners trapped in a collapsed gold mine in Zimbabwe have been rescued, officials said on Saturday.\nThe men had been working 200 metres underground for two hours when the shaft collapsed last Sunday.\n",
        ),
    ),
    "launch2": (
        (
            "a.txt",
            "2024-05-08",
            "Manhunt under way after two inmates escape Ohio prison\n\nPolice launched a manhunt on Monday after two inmates escaped from a state prison in Ohio.\nThe two men are considered dangerous, officials said.\n",
        ),
        (
            "b.txt",
            "2024-05-08",
            "Ohio town on lockdown as inmates remain at large\n\nAuthorities placed the town of Lucasville under lockdown on Tuesday as the search for two escaped inmates from the Ohio prison widened.\nThe two men are considered dangerous, officials said.\n",
        ),
    ),
    "shelter": (
        (
            "a.txt",
            "2024-01-05",
            "Floods force hundreds from homes in Yorkshire\n\nHundreds of people were forced from their homes by flooding in Yorkshire on Thursday.\nAbout 200 residents spent the night at an evacuation centre in Leeds, the council said.\n",
        ),
        (
            "b.txt",
            "2024-01-05",
            "Yorkshire floods: hundreds evacuated\n\nHundreds of people were forced from their homes by flooding in Yorkshire on Thursday.\nDozens of families were taken to an evacuation centre in York overnight, the council said.\n",
        ),
    ),
    "storm2": (
        (
            "a.txt",
            "2023-03-13",
            "Cyclone Freddy kills dozens in Malawi\n\nDozens of people have been killed in Malawi, officials said on Monday.\nCyclone Freddy struck the coast of Mozambique on Saturday night before moving inland.\n",
        ),
        (
            "b.txt",
            "2023-03-13",
            "Freddy brings floods to Malawi\n\nDozens of people have been killed in Malawi, officials said on Monday.\nCyclone Freddy lashed the coast of Mozambique with torrential rain and strong winds on Sunday.\n",
        ),
    ),
    "about_days": (
        (
            "a.txt",
            "2024-03-02",
            "Aid worker freed in Mali\n\nA French aid worker kidnapped in Mali has been freed after being held for about 80 days, the foreign ministry said on Friday.\nShe is in good health.\n",
        ),
        (
            "b.txt",
            "2024-03-02",
            "French hostage released in Mali\n\nA French aid worker kidnapped in Mali was released on Friday after about 85 days in captivity, the foreign ministry said.\nShe is in good health.\n",
        ),
    ),
    "country2": (
        (
            "a.txt",
            "2024-08-12",
            "Bus crash kills 30 in Kenya\n\nA bus plunged off a bridge near Nakuru in western Kenya on Sunday, killing at least 30 people, police said.\nRescuers worked through the night.\n",
        ),
        (
            "b.txt",
            "2024-08-12",
            "At least 30 dead as bus plunges off bridge in Kenya\n\nA bus carrying guests to a wedding in Nairobi plunged off a bridge in Kenya on Sunday, killing at least 30 people, police said.\nRescuers worked through the night.\n",
        ),
    ),
    "tears": (
        (
            "a.txt",
            "2024-11-22",
            "Inquest into teenager's death concludes\n\nThe hearing into the death of 16-year-old Jake Morris began on Monday at the county court.\nHis mother broke down in tears at the hearing on Tuesday as CCTV footage was shown.\n",
        ),
        (
            "b.txt",
            "2024-11-22",
            "Coroner rules teenager's death accidental\n\nThe hearing into the death of 16-year-old Jake Morris ended on Thursday after CCTV footage was shown.\nThe coroner ruled that his death was accidental.\n",
        ),
    ),
    "justice3": (
        (
            "a.txt",
            "2024-06-08",
            "Fraudster jailed in Manchester\n\nA former banker who fled to Spain was jailed for eight years on Friday after a jury at Manchester Crown Court convicted him of fraud.\nHe had spent three years on the run.\n",
        ),
        (
            "b.txt",
            "2024-06-08",
            "Banker jailed for fraud after years on the run\n\nA former banker who fled to Spain was jailed for eight years on Friday for fraud.\nA judge in Madrid approved his extradition last year, and a jury convicted him of fraud in April.\nHe had spent three years on the run.\n",
        ),
    ),
    "a-past-launch-and-the-next-one": (
        (
            "a.txt",
            "2026-04-07",
            "Kestrel-2 launch halted at the last moment\n\nA glitch stopped the countdown minutes before liftoff on Tuesday.\nVandel Launch said the Kestrel-2 satellite would make its next launch attempt at Vandel Spaceport on April 21, once the valve fault is fixed.\n",
        ),
        (
            "b.txt",
            "2026-04-08",
            "Kestrel-2 unharmed, says Vandel\n\nVandel Launch said on Wednesday that the Kestrel-2 satellite was unharmed after Tuesday's launch attempt at Vandel Spaceport was stopped by a valve fault.\n",
        ),
    ),
    "charged-on-the-day-over-a-weekend-crime": (
        (
            "a.txt",
            "2024-05-13",
            "Man charged over Kellby nightclub stabbing\n\nKELLBY, England (Reuters) - A 24-year-old man was charged on Monday over the fatal stabbing of a teenager outside a nightclub in Kellby on Saturday, police said.\n\nLiam Carter, 17, died at the scene. Daniel Hirst will appear before Kellby magistrates on Tuesday.\n",
        ),
        (
            "b.txt",
            "2024-05-13",
            "Man, 24, charged with murder of Kellby teenager\n\nKELLBY, England (PA) - Police on Monday charged a 24-year-old man with murder after a teenager was stabbed to death outside a Kellby nightclub.\n\nDaniel Hirst, of no fixed address, is due before Kellby magistrates on Tuesday, Northshire Police said.\n",
        ),
    ),
    "talks-to-end-unrest-began": (
        (
            "a.txt",
            "2024-05-12",
            "Riots erupt in Brackley after police shooting\n\nBRACKLEY, England (AP) - Riots erupted in the northern town of Brackley on Saturday after police shot dead a 19-year-old man during a traffic stop, with cars set alight and shops looted.\n\nAbout 300 people gathered outside the town's police station before violence spread to the main shopping street, officials said.\n\nTwelve people were arrested.\n",
        ),
        (
            "b.txt",
            "2024-05-13",
            "Talks begin to end Brackley unrest\n\nBRACKLEY, England (Reuters) - Talks between community leaders and police aimed at ending the unrest in the northern town of Brackley began on Monday, after two nights of rioting that followed the police shooting of a 19-year-old man.\n\nShops remained boarded up along the main shopping street, where cars were set alight on Saturday night.\n\nPolice said 27 people had been arrested since the weekend.\n",
        ),
    ),
    "voting-began-amid-violence": (
        (
            "a.txt",
            "2024-05-12",
            "Voters go to polls in Arvania amid violence\n\nZELDA, Arvania (AFP) - Amid weeks of deadly violence, voters in Arvania began casting ballots on Sunday in a presidential election that pits the veteran incumbent against a former central bank governor.\n\nPolling stations in the capital Zelda opened at 7 a.m. under heavy security.\n\nAt least 14 people have been killed in campaign clashes since March.\n",
        ),
        (
            "b.txt",
            "2024-05-11",
            "Violence erupts in Arvanian capital ahead of presidential election\n\nZELDA, Arvania (Reuters) - Violence erupted in the Arvanian capital Zelda on Friday between supporters of the veteran incumbent and the opposition, ahead of a presidential election this weekend.\n\nPolice fired tear gas at stone-throwing crowds in the city centre. Two people were killed.\n",
        ),
    ),
    "clashes-flared-up-again": (
        (
            "a.txt",
            "2024-05-11",
            "Students clash with police in Zelda\n\nZELDA (Reuters) - Clashes erupted in Zelda on Friday between police and students protesting against a new university law, leaving 14 people injured.\n\nThe law allows the government to appoint university rectors.\n",
        ),
        (
            "b.txt",
            "2024-05-12",
            "Police fire tear gas at Zelda students\n\nZELDA (AFP) - Violence flared up again in Zelda on Saturday as police fired tear gas at students protesting against a new university law for a second day.\n\nThe law allows the government to appoint university rectors.\n",
        ),
    ),
    "mourners-buried-the-victims-who-were-killed": (
        (
            "a.txt",
            "2024-05-11",
            "Gunmen kill 12 at mosque in Kellpur\n\nKELLPUR, Arvania (Reuters) - Gunmen killed 12 worshippers at a mosque in the northern town of Kellpur on Friday, police said.\n\nNo group claimed responsibility.\n",
        ),
        (
            "b.txt",
            "2024-05-12",
            "Thousands mourn victims of Kellpur mosque attack\n\nKELLPUR, Arvania (AFP) - Thousands of mourners on Sunday buried the 12 worshippers, who were killed when gunmen attacked a mosque in the northern town of Kellpur.\n\nPolice have made no arrests.\n",
        ),
    ),
    "fighting-broke-out-after-talks-opened": (
        (
            "a.txt",
            "2024-05-13",
            "Fighting resumes despite Doha talks\n\nKELLPUR, Arvania (Reuters) - Two days after talks between the government and rebels opened in Doha, fighting broke out on Monday in the border town of Kellpur, residents said.\n\nAt least six people were killed.\n",
        ),
        (
            "b.txt",
            "2024-05-11",
            "Arvania government, rebels open talks in Doha\n\nDOHA (AFP) - Talks between Arvania's government and rebels began in Doha on Saturday, with Qatari mediators hoping to end fighting around the border town of Kellpur.\n\nThe talks are expected to last a week.\n",
        ),
    ),
    "a-fire-and-a-later-explosion": (
        (
            "a.txt",
            "2024-05-11",
            "Fire at Kellby chemical plant\n\nKELLBY, England (Reuters) - A fire broke out at a chemical plant in Kellby on Saturday, forcing the evacuation of 300 homes nearby, the fire service said.\n\nNo one was hurt.\n",
        ),
        (
            "b.txt",
            "2024-05-13",
            "Blast rocks Kellby chemical plant\n\nKELLBY, England (PA) - An explosion occurred at a chemical plant in Kellby on Monday as workers were clearing debris, injuring four, the fire service said.\n\nHomes nearby were evacuated at the weekend.\n",
        ),
    ),
    "protests-erupted-after-a-sentence": (
        (
            "a.txt",
            "2024-05-11",
            "Arvanian opposition leader jailed for 10 years\n\nZELDA (Reuters) - A court in Arvania on Friday sentenced opposition leader Marta Kovac to 10 years in prison for inciting unrest, in a case her supporters called politically motivated.\n\nKovac's lawyers said they would appeal.\n",
        ),
        (
            "b.txt",
            "2024-05-12",
            "Protests erupt in Zelda over Kovac sentence\n\nZELDA (AFP) - Protests erupted in the Arvanian capital on Sunday after opposition leader Marta Kovac was sentenced to 10 years in prison, with thousands marching on the presidential palace.\n\nPolice used water cannon.\n",
        ),
    ),
    "the-ruling-party-elected-and-approved": (
        (
            "a.txt",
            "2024-03-17",
            "Japan's LDP picks Arata as leader\n\nTOKYO (Reuters) - Japan's ruling Liberal Democratic Party on Saturday elected former defence minister Kenji Arata as its leader, putting him on course to become prime minister.\n\nArata won 215 votes in a runoff against Foreign Minister Yuko Mori.\n",
        ),
        (
            "b.txt",
            "2024-03-19",
            "Arata names party line-up\n\nTOKYO (AFP) - Japan's ruling Liberal Democratic Party on Monday approved new leader Kenji Arata's choice of party executives, a day before parliament is expected to confirm him as prime minister.\n\nArata, a former defence minister, beat Foreign Minister Yuko Mori in a party runoff.\n",
        ),
    ),
    "hospital-count-and-a-serious-part": (
        (
            "a.txt",
            "2024-07-14",
            "Crush at Kellby music festival\n\nKELLBY, England (Reuters) - Seventeen people were rushed to hospital after a crush near the main stage at the Northfield music festival in Kellby on Saturday night, organisers said.\n\nThe festival continued on Sunday with extra stewards.\n",
        ),
        (
            "b.txt",
            "2024-07-14",
            "Festival crush in Kellby\n\nKELLBY, England (PA) - A crush near the main stage at the Northfield music festival in Kellby on Saturday night left dozens hurt. Six people were rushed to hospital in a serious condition, the ambulance service said, and 11 others were treated for minor injuries.\n\nThe festival continued on Sunday.\n",
        ),
    ),
    "a-rally-demanding-justice-for-a-shooting": (
        (
            "a.txt",
            "2024-06-03",
            "Journalist shot dead in Zelda\n\nZELDA (Reuters) - Investigative journalist Marta Kovac was shot dead outside her home in Zelda on Saturday, police said.\n\n",
        ),
        (
            "b.txt",
            "2024-06-04",
            "Journalists rally in Zelda\n\nZELDA (AFP) - Hundreds of reporters, editors and photographers rallied outside parliament on Monday, demanding justice for Marta Kovac, who was shot dead by an unknown gunman.\n\n",
        ),
    ),
    "a-sacking-two-days-after-a-defeat": (
        (
            "a.txt",
            "2024-06-03",
            "Kellby Town sack manager\n\nKELLBY, England (PA) - Kellby Town sacked manager Mark Dean on Monday, two days after a 4-0 home defeat by Brill Rovers on Saturday left the club bottom of the league.\n\n",
        ),
        (
            "b.txt",
            "2024-06-04",
            "Dean out at Kellby\n\nKELLBY, England (BBC) - Kellby Town sacked manager Mark Dean on Monday after a run of nine games without a win.\n",
        ),
    ),
    "an-evacuation-two-days-after-a-landslide": (
        (
            "a.txt",
            "2024-06-03",
            "Kellby homes evacuated after landslide\n\nKELLBY, England (PA) - Around 80 homes in Kellby were evacuated on Monday, two days after a landslide hit the village of Orby on Saturday.\n\n",
        ),
        (
            "b.txt",
            "2024-06-04",
            "Kellby residents evacuated\n\nKELLBY, England (BBC) - Around 80 homes in Kellby were evacuated on Monday as engineers warned that the hillside could give way.\n",
        ),
    ),
    "a-police-raid-after-a-museum-theft": (
        (
            "a.txt",
            "2024-06-04",
            "Paintings stolen from Kellby museum\n\nKELLBY, England (PA) - Thieves broke into the Kellby Museum of Art on Saturday night and escaped with works by Turner and Constable worth millions, police said.\n\n",
        ),
        (
            "b.txt",
            "2024-06-04",
            "Four arrested over Kellby museum heist\n\nKELLBY, England (Reuters) - Detectives raided three addresses in Kellby on Monday and arrested four men, Northshire Police said, after paintings were taken from the city's art museum.\n\n",
        ),
    ),
    "two-spills-on-one-river": (
        (
            "a.txt",
            "2024-06-04",
            "Oil spill in River Kell\n\nKELLBY, England (PA) - Diesel spilled into the River Kell from a holding tank at the Orby depot on Saturday, the Environment Agency said.\n\n",
        ),
        (
            "b.txt",
            "2024-06-04",
            "Second pollution incident on the River Kell\n\nKELLBY, England (BBC) - A leak began at a chemical plant beside the River Kell in Kellby on Monday, the Environment Agency said, as clean-up crews were still dealing with diesel from the Orby depot.\n\n",
        ),
    ),
    "protests-over-a-blackout-began": (
        (
            "a.txt",
            "2024-06-03",
            "Blackout hits Kellby\n\nKELLBY, England (PA) - A blackout left 40,000 homes in Kellby without power on Saturday after a fire at an electricity substation, the grid operator said.\n\n",
        ),
        (
            "b.txt",
            "2024-06-04",
            "Kellby residents protest over power cuts\n\nKELLBY, England (BBC) - Protests over the blackout began in Kellby on Monday, with residents angry that 40,000 homes were left without power after a substation fire.\n\n",
        ),
    ),
    "an-inquiry-into-a-theft-began": (
        (
            "a.txt",
            "2024-06-02",
            "Paintings stolen from Kellby museum\n\nKELLBY, England (PA) - Thieves stole four paintings by Turner from the Kellby Museum of Art on Saturday night, police said.\n\n",
        ),
        (
            "b.txt",
            "2024-06-04",
            "Inquiry into Kellby art heist\n\nKELLBY, England (Reuters) - A police investigation into the theft began on Monday at the Kellby Museum of Art, where four Turner paintings went missing.\n\n",
        ),
    ),
    "a-ruling-that-halted-a-pipeline": (
        (
            "a.txt",
            "2024-06-04",
            "Government to appeal pipeline ruling\n\nZELDA (Reuters) - Arvania's government said on Monday it would appeal the ruling last Friday that halted construction of the Kellpur gas pipeline.\n\n",
        ),
        (
            "b.txt",
            "2024-06-04",
            "Court halts Kellpur pipeline\n\nZELDA (AFP) - Arvania's government will appeal a court ruling that halted construction of the Kellpur gas pipeline on Friday, the energy ministry said on Monday.\n\n",
        ),
    ),
    "approve-a-storm-passed-an-island": (
        (
            "a.txt",
            "2024-08-27",
            "Typhoon Ranya passed the northern tip of Talvan on Monday, killing three people and cutting power to thousands.\n",
        ),
        (
            "b.txt",
            "2024-08-27",
            "Talvan's parliament approved emergency funds for typhoon victims on Tuesday after Typhoon Ranya killed three people on the island's northern tip.\n",
        ),
    ),
    "approve-a-mayor-endorsed-a-council-approved": (
        (
            "a.txt",
            "2024-03-20",
            "Mayor Dana Whitcombe endorsed the Harrowgate stadium plan on Monday, calling it a boost for the town centre.\n",
        ),
        (
            "b.txt",
            "2024-03-20",
            "The Harrowgate town council approved the stadium plan on Tuesday by 21 votes to 9.\n",
        ),
    ),
    "approve-a-child-adopted-a-court-approved": (
        (
            "a.txt",
            "2024-08-16",
            "Pop singer Lina Holt adopted a baby girl from Verland on Thursday, her publicist said.\n",
        ),
        (
            "b.txt",
            "2024-08-16",
            "A Verland court approved pop singer Lina Holt's adoption of a baby girl on Tuesday, court records show.\n",
        ),
    ),
    "approve-two-bodies-approved-one-pact": (
        (
            "a.txt",
            "2024-05-15",
            "The European Parliament approved the new migration pact on Wednesday by 322 votes to 266.\n",
        ),
        (
            "b.txt",
            "2024-05-15",
            "EU governments adopted the new migration pact on Tuesday, with Hungary and Poland voting against.\n",
        ),
    ),
    "deadline-a-deadline-since-extended": (
        (
            "a.txt",
            "2024-03-12",
            "The deadline for bids was March 1, but the privatisation agency said on Tuesday it had extended it because of strong interest in the airline Aerovia.\n",
        ),
        (
            "b.txt",
            "2024-03-12",
            "The privatisation agency said on Tuesday it would accept bids for the airline Aerovia until March 31, citing strong interest.\n",
        ),
    ),
    "dateline-a-flight-number-opens-the-sentence": (
        (
            "a.txt",
            "2024-03-11",
            "MIAMI (Wire) - Flight 447 passengers were evacuated down emergency slides on Monday after smoke filled the cabin, the airline said.\n",
        ),
        (
            "b.txt",
            "2024-03-11",
            "About 150 passengers were evacuated down emergency slides in Miami on Monday after smoke filled the cabin of their plane, the airline said.\n",
        ),
    ),
    "dateline-a-platform-number-opens-the-sentence": (
        (
            "a.txt",
            "2024-11-14",
            "MUMBAI (Reuters) - Platform 4 commuters were injured in a crush at Dadar station on Wednesday evening, railway officials said.\n",
        ),
        (
            "b.txt",
            "2024-11-14",
            "Eleven commuters were injured in a crush on a platform at Mumbai's Dadar station on Wednesday evening, railway officials said.\n",
        ),
    ),
    "injured-a-part-before-eight-more": (
        (
            "a.txt",
            "2024-05-13",
            "Six people were treated for injuries at Varnholm hospital after a tram derailed on Sunday, and eight more were treated at the scene.\n",
        ),
        (
            "b.txt",
            "2024-05-13",
            "Fourteen people were hurt when a tram derailed in Varnholm on Sunday, eight of them treated at the scene, the city said.\n",
        ),
    ),
    "after-a-deputy-resigned-before-the-leader-quit": (
        (
            "herald.txt",
            "2024-03-08",
            "Veloria prime minister resigns\n\nVeloria's Prime Minister Anton Kessel resigned on Friday over a party funding scandal that had already cost his deputy Mira Lund her job. Kessel will stay on as caretaker.\n",
        ),
        (
            "wire.txt",
            "2024-03-08",
            "Kessel quits\n\nPrime Minister Anton Kessel quit on Friday after his deputy Mira Lund resigned on Wednesday over a party funding scandal. Kessel said he would stay on as caretaker.\n",
        ),
    ),
    "after-a-ministry-gave-the-go-ahead-before-a-council": (
        (
            "herald.txt",
            "2024-10-10",
            "Dunmore green-lights tram\n\nDunmore city council gave the green light on Thursday to the new Eastside tram line, which the transport ministry has agreed to fund. Construction is due to start next spring.\n",
        ),
        (
            "wire.txt",
            "2024-10-10",
            "Tram line approved\n\nDunmore city council approved the new Eastside tram line on Thursday after the transport ministry gave the go-ahead for its funding on Tuesday. Construction is due to start next spring.\n",
        ),
    ),
    "after-a-finance-chief-resigned-before-the-chief": (
        (
            "herald.txt",
            "2024-05-23",
            "Norvex CEO resigns\n\nNorvex chief executive Lara Quist resigned on Thursday amid a widening accounting scandal. Shares in the company fell 9%.\n",
        ),
        (
            "wire.txt",
            "2024-05-23",
            "Norvex chief steps down\n\nNorvex chief executive Lara Quist stepped down on Thursday after finance chief Ben Odom resigned on Tuesday over accounting errors. Shares fell 9%.\n",
        ),
    ),
    "after-a-foreshock-shook-the-region": (
        (
            "herald.txt",
            "2024-07-04",
            "Quake rattles Tarsa\n\nA strong earthquake shook northern Tarsa on Thursday, damaging dozens of homes, officials said.\n",
        ),
        (
            "wire.txt",
            "2024-07-04",
            "Strong quake hits Tarsa\n\nA magnitude 6.1 earthquake struck northern Tarsa on Thursday, after a 5.8 tremor shook the region on Tuesday, officials said.\n",
        ),
    ),
    "after-others-were-rescued-days-before": (
        (
            "herald.txt",
            "2024-01-19",
            "Kestrel rescue complete\n\nThe last four miners trapped in the Kestrel colliery were rescued on Thursday, ending a three-day operation.\n",
        ),
        (
            "wire.txt",
            "2024-01-19",
            "Last miners out\n\nRescuers brought the last four miners to the surface at the Kestrel colliery on Thursday after seven others were rescued on Tuesday.\n",
        ),
    ),
    "evacuation-ordered-against-evacuation-done": (
        (
            "herald.txt",
            "2024-08-12",
            "Fire forces Tovar evacuations\n\nAbout 1,200 people were evacuated from Tovar on Monday as the Marra wildfire advanced, police said.\n",
        ),
        (
            "wire.txt",
            "2024-08-12",
            "Wildfire nears Tovar\n\nOfficials ordered the evacuation of 5,000 residents of Tovar on Monday as the Marra wildfire advanced. Police said about 1,200 had left by evening.\n",
        ),
    ),
    "evacuation-of-one-day-against-the-total": (
        (
            "herald.txt",
            "2024-08-13",
            "Orlen dam\n\nAbout 11,000 people have been evacuated downstream of the Orlen dam since Sunday.\n",
        ),
        (
            "wire.txt",
            "2024-08-13",
            "Dam fears\n\nThe evacuation of 8,000 people downstream of the Orlen dam began on Sunday. On Monday a further 3,000 were moved.\n",
        ),
    ),
}
"""Why each is no conflict: a top and a basic rate of one tax; a reduced and a standard rate
of VAT; two survivors trapped for different times; hours worked underground before a collapse;
a manhunt launched and a town placed under lockdown; two evacuation centres; a storm that
struck one night and lashed the coast the next day; two estimates of one stay in days; a
crash's town and a wedding's city in one country; a mother who broke down in tears at a
hearing; a judge abroad who approved an extradition; a launch called off and the next
opportunity to launch; a man charged on the day over a weekend stabbing; talks begun to end
rioting, and voting begun amid violence (what began is what stands right before "began");
clashes that flared up again on a second day; mourners who buried victims killed two days
before, and protests that erupted after a sentence (a reaction, not the event); fighting
that broke out after talks opened; a fire and a later explosion at one plant; a ruling
party's two days; a hospital count and a part of it told with a condition; a rally for
a reporter shot two days before; a sacking and an evacuation two days after what led to
them; a police raid after a theft; a second spill on one river; protests over a blackout
and an inquiry into a theft that began days later; an appeal against a ruling; a storm
that passed an island and a parliament that approved aid; a mayor's endorsement and a
council's approval; a child adopted and a court's approval; two bodies' approvals of one
pact; a deadline since extended; a flight's and a platform's number after a dateline; a
hospital's injured before "eight more" at the scene; a deputy's, a ministry's, a finance
chief's, a foreshock's and other miners' day, told after "after" in a lead whose news is
another's; an evacuation ordered against one done, and one day's against the total."""


@pytest.mark.parametrize("name", sorted(STORIES))
def test_lookalikes_draw_no_error(ruleset, nlp, name):
    result = _check(ruleset, nlp, *STORIES[name])
    assert [
        f.message for f in result.findings if f.kind == "discrepancy" and f.severity == "error"
    ] == []


def test_a_count_beside_an_injured_count_is_still_a_death_toll(ruleset, nlp):
    # "leaving 25 dead and 14 injured": a list of two measures, not a part of a total
    result = _check(
        ruleset,
        nlp,
        (
            "a.txt",
            "2024-08-20",
            "Bus crash in Peru\n\nA bus plunged into a ravine in the Andes on Monday, leaving"
            " 25 dead and 14 injured, police said.\n",
        ),
        (
            "b.txt",
            "2024-08-20",
            "Bus plunges into ravine\n\nA bus plunged into a ravine in the Andes on Monday,"
            " killing 25 people and injuring 14, police said.\n",
        ),
    )
    assert any(a.rule == "number.casualties" and "25 dead" in a.summary for a in result.agreements)


def test_in_may_before_a_count_is_no_day(normalize_text):
    import datetime as dt

    text = "In May 12 miners died in a similar accident at the same mine.\n"
    normalized = normalize_text(text, published=dt.date(2024, 8, 20))
    assert [t.mention.where.text for t in normalized.timexes] == ["In May"]


def test_two_floods_tolls_in_one_source_each_kept_apart(ruleset, nlp):
    """A source that gives two floods' tolls (one province, another district) still has its
    second compared with another source's toll of that district: the event noun they share
    ("floods") tells no incident apart (the reviewer's story)."""
    result = _check(
        ruleset,
        nlp,
        (
            "b.txt",
            "2025-06-03",
            "Deadly floods hit Brava as rain lashes region\n\nFloods in Brava province have killed four people since Sunday, the civil protection agency said.\n\nSeparately, a flood in the southern district of Moravo killed six people last week, local officials said.\n",
        ),
        (
            "c.txt",
            "2025-06-03",
            "Five dead as floods strike Moravo district\n\nFive people died in floods that swept through the southern district of Moravo, emergency officials said on Monday.\n",
        ),
    )
    messages = [f.message for f in result.findings if f.rule == "number.casualties"]
    assert messages == ["Sources disagree on how many were killed: 6 (b.txt) vs 5 (c.txt)"]


def test_a_date_before_the_count_verb_is_still_the_events(ruleset, nlp):
    """The figure's verb keeps a date from an event word only when it stands between them:
    "a wedding reception on Saturday" is still the reception's day, and two sources that
    give it two days still disagree."""
    result = _check(
        ruleset,
        nlp,
        (
            "a.txt",
            "2025-06-10",
            "Dozens sick after Delbury wedding\n\nGuests fell ill after a wedding reception on"
            " Saturday in Delbury, and the number taken ill rose to 58, health officials said.\n",
        ),
        (
            "b.txt",
            "2025-06-10",
            "Delbury wedding feast leaves 58 sick\n\nFifty-eight people fell ill after a wedding"
            " reception on Friday in Delbury, health officials said.\n",
        ),
    )
    assert [[e.text for e in f.evidence] for f in result.findings if f.kind == "discrepancy"] == [
        ["on Saturday", "on Friday"]
    ]


QUIET_STORIES = {
    "a-report-set-off-by-commas": (
        (
            "a.txt",
            "2026-03-05",
            "Rail unions plan strike\n\nThe strike on Monday, union leader Arne Vos said at a rally, would be the first national rail stoppage in a decade.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Rail strike set for March 9\n\nRail workers will stage a national 24-hour strike on March 9, the first in a decade, union leader Arne Vos said.\n",
        ),
    ),
    "a-coach-said-at-a-news-conference": (
        (
            "a.txt",
            "2026-03-05",
            "Kessel face Tarrow\n\nThe derby match on Saturday, Kessel coach Ivo Brandt said at a news conference, will decide the title.\n",
        ),
        (
            "b.txt",
            "2026-03-05",
            "Brandt: derby will decide title\n\nKessel coach Ivo Brandt said the derby match against Tarrow on March 7 will decide the title.\n",
        ),
    ),
    "a-semi-final-restated-as-the-final": (
        (
            "a.txt",
            "2026-03-07",
            "Okafor into Linden final\n\nOkafor beat Lind in the semi-final of the Linden Cup on Friday, dropping only one set.\n\nHe meets Brandt for the title.\n",
        ),
        (
            "b.txt",
            "2026-03-09",
            "Okafor wins Linden Cup\n\nOkafor won the final of the Linden Cup on Sunday, beating Brandt in straight sets.\n",
        ),
    ),
    "a-semifinal-restated-as-the-final": (
        (
            "a.txt",
            "2026-03-07",
            "Okafor into Linden final\n\nOkafor beat Lind in the semifinal of the Linden Cup on Friday, dropping only one set.\n\nHe meets Brandt for the title.\n",
        ),
        (
            "b.txt",
            "2026-03-09",
            "Okafor wins Linden Cup\n\nOkafor won the final of the Linden Cup on Sunday, beating Brandt in straight sets.\n",
        ),
    ),
    "a-vote-held-on-the-day-another-is-planned": (
        (
            "a.txt",
            "2026-03-09",
            "Budget vote set\n\nARDEN (Wire) - Lawmakers are to vote on Thursday on the final version of the 2027 budget, the speaker said.\n",
        ),
        (
            "b.txt",
            "2026-03-09",
            "Budget to committee\n\nARDEN (Daily) - Lawmakers voted on Monday to send the 2027 budget to a committee, the speaker said.\n",
        ),
    ),
    "a-referendum-postponed-and-set-again": (
        (
            "a.txt",
            "2026-03-11",
            "Harbour vote delayed\n\nMERLIN (Wire) - The referendum on the new harbour had been scheduled to take place on Sunday but was postponed after flooding. It will now be held on March 29, the electoral board said.\n",
        ),
        (
            "b.txt",
            "2026-03-11",
            "Flooding delays harbour vote\n\nMERLIN (Coastal Post) - The referendum on the new harbour will be held on March 29 after flooding forced a delay, the electoral board said.\n",
        ),
    ),
    "a-ship-due-to-dock-before-a-storm": (
        (
            "a.txt",
            "2026-03-11",
            "Storm holds cargo ship\n\nESKER (Wire) - The cargo ship Fenna was due to dock at Esker on Monday but storms held it offshore. It will now dock on Friday, the port authority said.\n",
        ),
        (
            "b.txt",
            "2026-03-11",
            "Fenna to dock Friday\n\nESKER (Harbour Gazette) - The cargo ship Fenna will dock at Esker on Friday after storms held it offshore, the port authority said.\n",
        ),
    ),
    "cavers-cut-off-by-floodwater": (
        (
            "a.txt",
            "2026-03-10",
            "Cavers rescued\n\nORLEN (Wire) - Three cavers were rescued on Monday, ending an ordeal that began when floodwater cut them off last Thursday.\n",
        ),
        (
            "b.txt",
            "2026-03-10",
            "Cavers freed\n\nORLEN (Valley Times) - Three cavers cut off by floodwater were rescued on Monday, rescue teams said.\n",
        ),
    ),
    "ministers-were-to-meet-before-the-talks-were-called-off": (
        (
            "a.txt",
            "2026-03-15",
            "Talks called off\n\nVARN (Wire) - The two foreign ministers were to meet on Friday but the talks were called off at the last minute, diplomats said.\n",
        ),
        (
            "b.txt",
            "2026-03-15",
            "Ministers meet in Varn\n\nVARN (Diplomatic Post) - The two foreign ministers met on Sunday in Varn, two days after a planned meeting was called off, diplomats said.\n",
        ),
    ),
}
"""Look-alikes that drew a warning too (a statement restated with another day, a date read
in the wrong tense): no discrepancy of any level."""


@pytest.mark.parametrize("name", sorted(QUIET_STORIES))
def test_quiet_lookalikes_draw_no_discrepancy(ruleset, nlp, name):
    result = _check(ruleset, nlp, *QUIET_STORIES[name])
    assert [f.message for f in result.findings if f.kind == "discrepancy"] == []
