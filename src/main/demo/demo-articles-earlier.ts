import type { DemoArticle } from './demo-articles.js';
import { md } from './demo-markdown.js';

/** The first six demo articles. */
export const earlierDemoArticles: readonly DemoArticle[] = [
  {
    slug: 'night-trains-return-to-the-aldergate-line',
    title: 'Night trains return to the Aldergate line after eleven years',
    standfirst:
      'The first overnight service in more than a decade left Vessmark Central on Sunday. ' +
      'Regional money secures it for three years – after that, passenger numbers will decide.',
    section: 'city',
    tags: ['Transport'],
    author: 'kasim-aldous',
    hoursAgo: 2,
    image: {
      seed: 1107,
      label: 'rail',
      alt: 'A blue sleeper train waiting under the arched roof of Vessmark Central at night',
      caption: 'The 23:40 to Aldergate at platform four, shortly before its first departure.',
      credit: 'Ines Marlowe / The Harbour Ledger',
    },
    markdown: md(`
The 23:40 from Vessmark Central to Aldergate pulled out four minutes late on Sunday night,
carrying 212 passengers, a brass band from the Northquay allotment society and, in the rear
sleeper carriage, a retired signalman who had worked the last departure of the old service
eleven years ago.

"I shut the box the night they stopped it," said Edwin Marsh, 74, who bought his ticket the
morning sales opened. "I thought I'd better be on the one that starts it again."

The reopened line runs six nights a week, leaving Vessmark at 23:40 and arriving in Aldergate
shortly after 06:00, with stops at Fenbridge, Cold Ashby and the university halt at Linmere. A
return service leaves Aldergate at 22:55. Seats start at £29; a berth in the four-bunk sleeper
costs £64.

## Who is paying for it

The service is funded through a three-year agreement between the regional transport board and
the operator, Coastway Rail, worth £18.6m over its lifetime. Documents seen by the Ledger show
that the board expects the subsidy per passenger to fall from £41 in the first year to £19 in
the third, on the assumption that trains are running at least 60% full by then.

That assumption is doing a lot of work. The previous night service was withdrawn when average
loadings fell below a third, and the board's own risk register lists "lower than forecast
demand" as the most likely reason the contract would not be renewed.

Priya Oduya, who chairs the transport board, said the case was different this time.

> "The old train was slow, cold and timed for nobody. This one gets a nurse from Fenbridge to
the Aldergate teaching hospital before the morning handover, and it costs less than a night in
a hotel. We think people will use it, but we have been honest that we will stop if they don't."

## What passengers said

On the first departure, the reasons for travelling were mostly practical. Among those the
Ledger spoke to on board were:

- a student at Linmere who currently pays for a coach and a taxi to get home at weekends;
- two shift workers at the Aldergate freight terminal;
- a family of four heading to a wedding, who said flying would have cost them three times as
much;
- a cellist with the Vessmark Sinfonia, travelling with her instrument on a seat of its own.

Not everyone is convinced. Residents near the Cold Ashby level crossing have complained about
horn noise during night-time testing, and the parish council has asked Coastway to review its
warning procedure. The operator said it was looking at quieter horn settings permitted under
safety rules, and would meet residents before the end of the month.

The transport board will publish passenger figures for the first month in its quarterly
report. The Ledger will report them when it does – whatever they show.
`),
  },
  {
    slug: 'council-budget-closes-gap-with-library-cuts-and-parking-levy',
    title: 'Council budget closes £14m gap with library cuts and a workplace parking levy',
    standfirst:
      'Councillors approved the budget by 31 votes to 24 after a five-hour meeting. Council tax ' +
      'will rise by 4.9%, and the central library will close on Sundays from the spring.',
    section: 'politics',
    tags: ['Budget'],
    author: 'ottilie-brandreth',
    hoursAgo: 8,
    relatedSlug: 'readers-fill-old-customs-house-library-to-oppose-sunday-closures',
    image: {
      seed: 2214,
      label: 'chamber',
      alt: 'Councillors seated in the wood-panelled council chamber at Harbour House during a vote',
      caption:
        'Councillors vote on the budget at Harbour House shortly before midnight on Thursday.',
      credit: 'Dara Quill / The Harbour Ledger',
    },
    markdown: md(`
Vessmark City Council has approved a budget that closes a projected £14.2m shortfall through a
mix of service cuts, new charges and a draw on reserves, after a five-hour meeting that ended
shortly before midnight on Thursday.

The budget passed by 31 votes to 24, with two abstentions. Council tax will rise by 4.9%, the
most the council can raise it without holding a local referendum, adding around £92 a year to
a typical bill.

## Where the money comes from

The cabinet member for finance, Councillor Ruth Abernethy, told the chamber the authority faced
"a choice between bad options and worse ones", pointing to rising costs in adult social care
and temporary accommodation, which together now account for more than half of the council's
net spending.

The main measures are:

- a workplace parking levy on city-centre employers with more than ten spaces, expected to
raise £3.1m a year once it starts next autumn;
- £2.4m from reducing library opening hours, including closing the central library at the Old
Customs House on Sundays;
- £1.8m from merging three neighbourhood housing offices into one;
- £4m drawn from general reserves, leaving them at their lowest level in a decade.

The remainder comes from a freeze on non-essential recruitment and higher fees for bulky waste
collection and pest control.

## The argument in the chamber

Opposition councillors focused on the library cuts, which drew one of the largest responses the
council has ever received to a budget consultation. More than 4,000 people replied, and 71%
opposed reducing library hours.

> "We are told this is about protecting the most vulnerable. The most vulnerable are the people
in the reading room on a Sunday afternoon, because it is the only warm, free, quiet place they
have."

That was Councillor Dev Saltonstall, who leads the opposition group. He proposed an amendment
to fund Sunday opening by delaying the refurbishment of the council's own offices at Harbour
House. It was defeated by four votes.

Business groups, meanwhile, have warned that the parking levy could push employers out to the
retail park at Brackwell. The Vessmark Chamber of Trade said it would "engage constructively"
on the design of the levy, and asked for the money to be ringfenced for bus improvements. The
council has said the revenue will go to public transport, but the budget papers do not yet
commit it to specific routes.

The reserves draw is the figure officers were most cautious about. The council's chief finance
officer, Gareth Lunn, wrote in his statutory report that reserves were "adequate for the coming
year but would not be adequate if a similar draw were required next year". In plain terms, the
council cannot repeat this budget.

Library staff have been told that a consultation on new rotas will begin next month. The Ledger
has asked the council for the full list of branch opening hours it intends to adopt, and will
publish it as soon as we have it.
`),
  },
  {
    slug: 'saltmere-flood-barrier-two-years-late',
    title: 'The Saltmere flood barrier is two years late. Here is what is holding it up',
    standfirst:
      'Steel gates meant to protect 9,000 homes are still lying in a yard at Greyhythe. The ' +
      'Ledger has read eighteen months of project board minutes to find out why.',
    section: 'climate',
    tags: ['Flooding', 'Infrastructure'],
    author: 'ottilie-brandreth',
    hoursAgo: 14,
    relatedSlug: 'vessmark-climate-adaptation-plan-explained',
    image: {
      seed: 3391,
      label: 'water',
      alt: 'Grey estuary water at high tide beside an unfinished concrete barrier pier',
      caption:
        'The northern pier of the Saltmere barrier, where the first gate is due to be fitted.',
      credit: 'Petra Vance / Lanternfish Photo Agency',
    },
    markdown: md(`
When the regional environment agency announced the Saltmere tidal barrier, it promised that
its four steel gates would be lowered into the estuary in time for the winter storm season two
years ago. The gates were built on schedule. They are still lying on their sides in a
fabrication yard at Greyhythe, wrapped in blue tarpaulin, a mile and a half from where they
are supposed to go.

The Ledger has reviewed eighteen months of minutes from the project board, released after a
freedom of information request, and spoken to four people who have worked on the scheme.
Together they describe a project held up less by engineering than by money, ground conditions
and a long dispute over who pays when the two collide.

## The riverbed problem

The first delay came from the estuary itself. Boreholes drilled before construction suggested
firm clay at the depth where the barrier's concrete sill would sit. When contractors began
excavating, they found pockets of soft, waterlogged silt across roughly a third of the site.

The minutes record the engineers' options in dry language: deeper piling, a wider sill, or
moving the whole alignment twenty metres downstream. Each added months. The board chose deeper
piling, which it costed at £11m and which the contractor, Marlow Estuary Works, later revised
to £17m.

That revision triggered a contract dispute that took most of last year to resolve. Under the
original agreement, the contractor carried the risk of "unforeseen ground conditions" up to a
cap. The two sides disagreed about whether the silt could reasonably have been foreseen. An
independent adjudicator found largely in the contractor's favour in the spring.

> "Nobody was idle. But for about seven months the cranes were doing a fraction of what they
could, because nobody wanted to commit money that might not come back."

That was one engineer who worked on the site, who asked not to be named because they still
work in the industry. The total cost of the barrier now stands at £146m, against an original
budget of £112m. The agency says the extra money has been found from its national capital
programme and will not fall on local taxpayers.

## What it means for residents

Until the barrier is working, the 9,000 homes in the Saltmere and Lower Quay flood zones are
protected only by older earth embankments, which the agency rates as being in "fair"
condition. Temporary pumps and demountable barriers are kept at two depots and are deployed
when surge warnings are issued.

Helen Quarry, who chairs the Lower Quay residents' association, said the delay had made home
insurance harder to find. "Three of my neighbours have been quoted premiums that doubled," she
said. "The insurers say: show us the barrier working, then we'll talk."

The agency now expects the first gate to be installed in the summer and the barrier to be fully
operational before the following winter. Its project director, Simon Atherley, said he was
"confident in the revised programme", but would not put a date on the final commissioning
test.
`),
  },
  {
    slug: 'greyhythe-shipyard-workers-walk-out-over-shift-pattern',
    title: 'Greyhythe shipyard workers walk out over new shift pattern',
    standfirst:
      'Around 600 welders, fitters and electricians began a 48-hour strike on Monday. The yard ' +
      'says the change is needed to win a ferry contract; the union says it was imposed.',
    section: 'city',
    tags: ['Work'],
    author: 'kasim-aldous',
    hoursAgo: 26,
    relatedSlug: 'harbour-authority-agrees-to-publish-its-contracts',
    image: {
      seed: 4478,
      label: 'harbour',
      alt: 'Container cranes and a half-built ferry hull above the Greyhythe shipyard at dawn',
      caption: 'Work stopped at the Greyhythe yard on Monday as pickets formed at both gates.',
      credit: 'Sol Brennan / Northlight Images',
    },
    markdown: md(`
Picket lines formed at both gates of the Greyhythe shipyard before dawn on Monday as around 600
workers began a 48-hour strike, the first full stoppage at the yard in nearly two decades.

The dispute centres on a new shift pattern that management introduced at the start of the
month. It replaces the yard's long-standing system of two fixed day shifts with a rotating
arrangement that includes regular night and weekend working. The union representing most of
the workforce, the Allied Marine and Engineering Union, says the change was imposed without
proper consultation and would cut take-home pay for many members by removing overtime rates.

## Why the yard says it needs the change

Greyhythe Marine, which has run the yard since it was sold by the harbour authority, is bidding
to build two hybrid ferries for an island operator. The contract would be the yard's largest in
a generation and, the company says, would secure work for at least four years.

In a statement, the managing director, Fiona Pelham, said the company "could not compete on
delivery times with yards that work around the clock", and pointed out that the new pattern
came with a 3% rise in base pay.

> "We are not trying to take anything from anybody. We are trying to bring work to Vessmark
that would otherwise go abroad."

## What the workers say

At the main gate on Keel Street, strikers described the change differently. Tomasz Reilly, a
plater who has worked at the yard for 22 years, said the rotation would mean working roughly one
weekend in three at ordinary rates. "The 3% doesn't cover what we lose," he said. "And nobody
asked us. We got a letter."

Union figures shared with the Ledger suggest a welder working a typical month under the old
system, including overtime, earned around £3,150 before tax. Under the new pattern, the union
calculates, the same worker would earn about £2,940. The company disputes the calculation,
saying it assumes more overtime than the yard has offered on average in recent years.

Several workers also raised childcare. Because the rotating pattern changes from week to week,
they said, it is hard to use nurseries and after-school clubs that require fixed bookings.

The yard sits on land leased from the Vessmark Harbour Authority, and people familiar with the
lease say it includes commitments on skilled employment. The authority said it was "monitoring
the situation" and had no role in industrial relations. Two members of its board have asked for
a briefing at its next meeting.

Talks between the two sides are due to resume at the regional conciliation service on Thursday.
The union has said a further 72-hour stoppage will follow next week if no agreement is reached.
`),
  },
  {
    slug: 'tidewater-festival-opens-with-a-play-from-the-docks',
    title: "Tidewater Festival opens with a play built from the docks' own stories",
    standfirst:
      '"The Night Shift" grew out of two hundred hours of interviews with dockworkers and their ' +
      "families. It is the most ambitious production in the festival's fourteen-year history.",
    section: 'culture',
    tags: ['Theatre'],
    author: 'maren-holloway',
    hoursAgo: 32,
    relatedSlug: 'halloran-street-fish-market-becomes-a-concert-hall',
    image: {
      seed: 5502,
      label: 'stage',
      alt: 'Actors in work jackets under a single spotlight on a stage dressed as a container quay',
      caption: 'The cast of The Night Shift during the final dress rehearsal at the Corn Exchange.',
      credit: 'Ines Marlowe / The Harbour Ledger',
    },
    markdown: md(`
For its opening night, the Tidewater Festival has chosen a play with no famous names in the cast
and a script that began life as a stack of recordings made in a portable cabin on Quay Seven.

*The Night Shift*, directed by Anouk Threlfall, was built from more than two hundred hours of
conversations with dockworkers, crane drivers, clerks, cleaners and their families, collected
over eighteen months by volunteers from the Vessmark Oral History Society. The result is a
two-hour piece that moves between a container terminal at three in the morning and the kitchens
of the terraced streets behind it.

## A cast of eleven, four of them first-timers

Four of the eleven performers have never acted professionally. One, Bernadette Cole, spent
thirty years as a tally clerk in the port and was interviewed for the project before being
asked to audition.

"I told them I couldn't act," she said after Friday's final dress rehearsal. "They said they
didn't need me to act, they needed me to remember. I can do that."

Threlfall said mixing professionals and non-professionals was a deliberate choice.

> "The people who lived this know the rhythm of it in a way you can't teach. The professionals
give it shape. Neither would have worked on its own."

## The festival at fourteen

This year's programme runs for sixteen days across nine venues, including the restored Halloran
Street fish market, which opens as a permanent concert hall later this month. The highlights
include:

- a new translation of a Baltic comedy in the courtyard of the Old Customs House;
- late-night puppetry for adults aboard a moored lightship;
- a free outdoor programme on the Promenade every weekend afternoon;
- a children's festival at the Northquay community centre, with pay-what-you-can tickets.

The festival's director, Callum Ashworth-Reed, said ticket sales were 12% ahead of last year,
although he acknowledged that the budget was under pressure. The festival's grant from the city
council has been cut by a fifth over three years, and the shortfall has been made up by
sponsorship and a membership scheme that now has around 2,300 members.

"Every festival is doing more with less," he said. "What we can't do is price out the people
whose city this is. That's why the outdoor programme stays free."

On the evidence of the dress rehearsal, *The Night Shift* is uneven but often moving. The first
half leans too heavily on monologue. The second, set during a storm that closes the port for
three nights, finds a tense, funny and tender rhythm that carries it to a quietly devastating
final scene between a crane driver and the son who chose not to follow him onto the quays.

*The Night Shift* runs at the Corn Exchange Theatre until the festival's closing weekend.
Tickets start at £12, with £5 standby seats released an hour before each performance.
`),
  },
  {
    slug: 'vessmark-rents-rise-twice-as-fast-as-wages',
    title: 'Rents in Vessmark have risen 38% in five years. Wages rose 17%',
    standfirst:
      'A Ledger analysis of more than 41,000 rental adverts shows the gap widening fastest ' +
      'in the neighbourhoods closest to the harbour – and in the smallest homes.',
    section: 'city',
    tags: ['Data', 'Housing'],
    author: 'ottilie-brandreth',
    hoursAgo: 50,
    relatedSlug: 'northquay-by-election-what-the-candidates-say-about-housing',
    image: {
      seed: 6613,
      label: 'skyline',
      alt: 'New apartment blocks and converted warehouses along the Northquay waterfront',
      caption:
        'Northquay, where advertised rents have risen faster than anywhere else in the city.',
      credit: 'Dara Quill / The Harbour Ledger',
    },
    markdown: md(`
The typical advertised rent for a home in Vessmark has risen by 38% over the past five years,
more than twice as fast as median earnings in the city, according to a Ledger analysis of more
than 41,000 rental listings.

A one-bedroom flat that would have been advertised at £725 a month five years ago is now
listed, on average, at around £1,000. Over the same period, median full-time pay for people
working in Vessmark rose by 17%, according to regional earnings figures.

## How we did the analysis

We collected listings published on the three largest lettings websites serving the city, and
combined them with a dataset of older adverts shared with us by a researcher at the University
of Linmere. We removed duplicates, holiday lets and listings with no location, leaving 41,318
adverts, and compared the median rent in each year by neighbourhood and number of bedrooms.

Advertised rents are not the same as rents actually paid: sitting tenants often pay less than
new ones. Our figures describe what it costs to find a new home – the experience of people
moving to the city, leaving a family home or being asked to leave by a landlord.

## Where rents have risen fastest

The increases are not spread evenly. The sharpest rises are around the harbour, where warehouse
conversions and new build-to-rent blocks have drawn higher-earning tenants.

- **Northquay:** up 54%, the largest rise of any neighbourhood
- **Lower Quay:** up 47%
- **Old Town:** up 39%
- **Brackwell:** up 26%
- **Fenwick Hill:** up 21%, the smallest rise

Smaller homes have risen fastest. Studios and one-bedroom flats went up by 44%, compared with
29% for homes with three or more bedrooms. That matters because the smallest homes are most
often rented by younger people and single adults on lower incomes.

A single person earning the city's median wage would now spend about 41% of their take-home pay
on the average one-bedroom advert, up from 33% five years ago. Housing charities generally treat
anything above 30% as a sign that rent is crowding out other essentials.

> "We see people working full-time who still can't put down a deposit. Five years ago it was
mostly people on benefits coming through the door. Now it's nurses and bus drivers."

That was Amira Kingsley, who manages the Vessmark Tenants' Advice Centre. Landlords point to
their own rising costs. The Vessmark Landlords' Association said higher mortgage rates,
insurance premiums and new energy-efficiency rules had pushed many smaller landlords to sell,
shrinking supply. Our data supports part of that argument: the number of homes advertised each
year fell by about 14% over the period.

The council's housing strategy, due to be revised this year, includes a target of 1,200 new
social homes by the end of the decade. At the current rate of completions, it would reach that
figure in around fourteen years.

Our cleaned dataset and method notes are available to anyone who asks, and we welcome
corrections from readers who spot something we have missed.
`),
  },
];
