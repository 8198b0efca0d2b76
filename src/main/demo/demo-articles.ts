// The demo newsroom's words: twelve articles of copy, not code. It runs past 500 lines
// because the articles are full-length, as a newsroom's would be; the code that uses it is
// seed-demo.ts.
/**
 * Demo content for a fictional reader-funded newsroom, The Harbour Ledger, which covers the
 * invented port city of Vessmark and its region. Every person, place, organisation and event
 * here is made up; any resemblance to real ones is coincidental.
 */

export interface DemoAuthor {
  slug: string;
  name: string;
  email: string;
  jobTitle: string;
  bio: string;
  initials: string;
  role: 'owner' | 'editor' | 'author';
}

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
}

export interface DemoImage {
  seed: number;
  label: 'skyline' | 'harbour' | 'fields' | 'crowd' | 'rail' | 'stage' | 'water' | 'chamber';
  alt: string;
  caption: string;
  credit: string;
}

export interface DemoArticle {
  slug: string;
  title: string;
  standfirst: string;
  /** A DemoSection slug: the primary section. */
  section: string;
  /** Extra tag names (0–2). */
  tags: string[];
  /** A DemoAuthor slug. */
  author: string;
  /** Published this many hours before "now". */
  hoursAgo: number;
  /** The body in Markdown. */
  markdown: string;
  /** Feature image. */
  image: DemoImage;
  /** The slug of another demo article, shown as a related-article card inside the body. */
  relatedSlug?: string;
}

/**
 * Lets the bodies below be hard-wrapped for readability in source: within each blank-line
 * separated block, a line that does not start a list item, quote or heading is joined to the
 * line before it with a space.
 */
function md(source: string): string {
  return source
    .trim()
    .split(/\n\s*\n/)
    .map((block) => {
      const lines: string[] = [];
      let current: string | undefined;
      for (const raw of block.split('\n')) {
        const line = raw.trim();
        if (line === '') continue;
        if (current !== undefined && !/^(?:[-*] |> |#{1,6} |\d+\. )/.test(line)) {
          current = `${current} ${line}`;
        } else {
          if (current !== undefined) lines.push(current);
          current = line;
        }
      }
      if (current !== undefined) lines.push(current);
      return lines.join('\n');
    })
    .join('\n\n');
}

export const demoNewsroom: {
  title: string;
  description: string;
  timezone: 'Europe/Kyiv';
  locale: 'en-GB';
} = {
  title: 'The Harbour Ledger',
  description:
    'Independent, reader-funded journalism for Vessmark and the Saltmere coast. ' +
    'We follow the money, the council and the tide – and we answer to our readers.',
  timezone: 'Europe/Kyiv',
  locale: 'en-GB',
};

export const demoAuthors: readonly DemoAuthor[] = [
  {
    slug: 'maren-holloway',
    name: 'Maren Holloway',
    email: 'maren.holloway@harbourledger.example',
    jobTitle: 'Chief Executive Officer',
    bio:
      'Maren founded The Harbour Ledger after fifteen years reporting on local government ' +
      'across the Saltmere coast. She leads the newsroom and its membership programme, and ' +
      'still writes about politics and culture whenever the spreadsheets allow.',
    initials: 'MH',
    role: 'owner',
  },
  {
    slug: 'ottilie-brandreth',
    name: 'Ottilie Brandreth',
    email: 'ottilie.brandreth@harbourledger.example',
    jobTitle: 'Senior Editor',
    bio:
      "Ottilie edits the Ledger's daily coverage and leads its data reporting. Before joining, " +
      'she spent six years as a research analyst for a housing charity. She is happiest with ' +
      'a messy dataset and a clear question.',
    initials: 'OB',
    role: 'editor',
  },
  {
    slug: 'kasim-aldous',
    name: 'Kasim Aldous',
    email: 'kasim.aldous@harbourledger.example',
    jobTitle: 'Reporter',
    bio:
      'Kasim covers transport, work and the port. He grew up in Northquay, joined the Ledger ' +
      'as a trainee in its first year, and has since reported from every ward in the city ' +
      '– usually by bus.',
    initials: 'KA',
    role: 'author',
  },
];

export const demoSections: readonly DemoSection[] = [
  {
    slug: 'city',
    name: 'City',
    description: 'Housing, transport, work and everyday life in Vessmark and its neighbourhoods.',
  },
  {
    slug: 'politics',
    name: 'Politics',
    description: 'The council, the harbour authority and the people who hold power in the region.',
  },
  {
    slug: 'climate',
    name: 'Climate',
    description: 'Flood defences, a changing coastline and how the region is adapting.',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Theatre, music, libraries and the places where the city gathers.',
  },
];

export const demoArticles: readonly DemoArticle[] = [
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
  {
    slug: 'vessmark-climate-adaptation-plan-explained',
    title: "Vessmark's climate adaptation plan, explained in six points",
    standfirst:
      "The council's first full plan for a hotter, wetter city runs to 212 pages. Here is what " +
      'it commits to, what it leaves out and what it will cost.',
    section: 'climate',
    tags: ['Explainer'],
    author: 'maren-holloway',
    hoursAgo: 74,
    relatedSlug: 'lowmoor-farmers-weigh-letting-the-sea-back-in',
    image: {
      seed: 7729,
      label: 'skyline',
      alt: 'Heavy rain clouds gathering over the rooftops and church spires of the Old Town',
      caption: 'The plan warns that rain, not the tide, now puts the most Vessmark homes at risk.',
      credit: 'Petra Vance / Lanternfish Photo Agency',
    },
    markdown: md(`
Vessmark City Council has published its first climate adaptation plan, a 212-page document
setting out how the city intends to prepare for the hotter summers, heavier rainfall and higher
tides that its own modelling says are coming. It goes to a vote of the full council next month,
after a six-week public consultation.

Most climate plans are about cutting emissions. This one is about living with changes that are
already under way.

## Six things to know

**1. The city expects more flooding from rain, not just the sea.** The plan's most striking
finding is that surface-water flooding – rain that falls faster than drains can carry it away –
now puts more homes at risk than the tide. It estimates that 14,500 properties are exposed in a
severe storm, compared with around 9,000 in the tidal flood zones.

**2. It wants to take water off the streets.** The central proposal is a programme of "sponge
streets": replacing tarmac verges and some parking bays with planted rain gardens that soak up
water. The plan proposes 40 streets in the first five years, starting in Lower Quay and
Brackwell.

**3. Heat gets a chapter of its own.** For the first time, the council has mapped which
neighbourhoods get hottest in a heatwave. Densely built areas with few trees, including parts of
Northquay and the Old Town, were up to 6°C warmer than leafier districts during last summer's
hottest week. The plan commits to planting 8,000 street trees and to naming at least one cool
public building – usually a library or community centre – in every ward.

**4. It leans heavily on the flood barrier.** The tidal chapter assumes the Saltmere barrier is
working. Officers acknowledge in an appendix that, until it is, the city's protection against a
major surge depends on the older embankments. The plan does not say what happens if the barrier
is delayed again.

**5. The money is not all there.** The plan is costed at £96m over ten years. The council has
identified about £31m, mostly from existing highways budgets and national grants. The rest
depends on funding bids that have not yet been made, let alone won.

> "It is a good plan with a large hole in the middle of it. The hole is money. That is not a
criticism of the officers who wrote it. It is a description of the situation."

That was Dr Nadia Ferrante, a hydrologist at the University of Linmere who reviewed an early
draft for the council.

**6. You can still change it.** The consultation is open until the end of next month. The
council is holding drop-in sessions at the central library and at the Northquay and Brackwell
community centres, and responses can be made online or on paper at any library.

## What comes next

Beyond the city boundary, the regional environment agency is consulting separately on how to
manage the coastline, including a proposal to let the sea back onto farmland at Lowmoor. The
two plans were drawn up by different bodies on different timetables, which some councillors
say makes it hard to judge either on its own.

The Ledger will be reading the consultation responses the council publishes, and reporting on
what changes as a result.
`),
  },
  {
    slug: 'harbour-authority-agrees-to-publish-its-contracts',
    title: 'Harbour authority agrees to publish its contracts after two-year refusal',
    standfirst:
      'The board voted unanimously to release leases and supplier contracts worth more than ' +
      '£25,000 a year. The decision follows a complaint brought by the Ledger.',
    section: 'politics',
    tags: ['Transparency'],
    author: 'kasim-aldous',
    hoursAgo: 98,
    image: {
      seed: 8836,
      label: 'harbour',
      alt: 'The brick headquarters of the harbour authority beside moored tugs on the inner basin',
      caption: 'Harbour Authority House on the inner basin, where the board met on Tuesday.',
      credit: 'Sol Brennan / Northlight Images',
    },
    markdown: md(`
The Vessmark Harbour Authority will publish its major contracts and land leases for the first
time, after its board voted unanimously on Tuesday to reverse a long-standing policy of keeping
them confidential.

The decision covers all supplier contracts and leases worth more than £25,000 a year, including
the lease for the Greyhythe shipyard and the agreements with the three companies that operate
the container terminal. The authority said it would begin publishing documents within three
months, with some commercial details redacted.

## How we got here

The Ledger first asked to see the Greyhythe lease two years ago, after the authority sold the
shipyard business to its current operator. The authority refused, arguing that as a trust port
it operated at arm's length from the council, and that publishing commercial terms would weaken
its hand in negotiations with future tenants.

We appealed to the information regulator. In a ruling issued in the autumn, the regulator found
that the authority was subject to freedom of information law in respect of its public
functions, and that the public interest in understanding how publicly owned land was used
outweighed most of the commercial concerns. It ordered the release of the lease with limited
redactions.

Rather than contest the ruling, the board commissioned a review of its wider approach to
transparency. Tuesday's vote adopts that review's main recommendation. The authority's chair,
Margaret Lindqvist, said the board had concluded that openness was in the port's long-term
interest.

> "We are custodians of land and water that belong, in the end, to this city. People are
entitled to know the terms on which we let it. We should have reached this conclusion without
being told to by a regulator, and I regret that we didn't."

One board member, Councillor Obi Hartnell, said he hoped other arm's-length bodies in the
region would follow. "The sky has not fallen in," he said.

## What we expect to learn

The Greyhythe lease is likely to be of immediate interest. People familiar with its terms have
told the Ledger that it includes a commitment to maintain a minimum number of skilled jobs at
the yard, and a clause allowing the authority to review the rent if that commitment is not met.
Neither the authority nor the operator has confirmed those details.

Other documents due for release include:

- the operating agreements for the container terminal, which shape the charges paid by shipping
lines;
- the contract for dredging the main channel, which was last put out to tender six years ago;
- the lease for the former fish market on Halloran Street, now being converted into a concert
hall.

We will read them as soon as they are published and report on what they show. If you work at
the port and think there is something we should look for, you can contact our reporters in
confidence.
`),
  },
  {
    slug: 'halloran-street-fish-market-becomes-a-concert-hall',
    title: 'The old fish market on Halloran Street is about to become a concert hall',
    standfirst:
      'After six years and £23m, the iron-and-glass market hall reopens with a 900-seat ' +
      'auditorium. Its acoustician says it may be the best-sounding room in the region.',
    section: 'culture',
    tags: ['Music'],
    author: 'ottilie-brandreth',
    hoursAgo: 122,
    image: {
      seed: 9941,
      label: 'stage',
      alt: 'An orchestra rehearsing in a timber-lined hall beneath an old iron-and-glass roof',
      caption: 'The Vessmark Sinfonia tests the acoustics of the new Halloran Hall last week.',
      credit: 'Ines Marlowe / The Harbour Ledger',
    },
    markdown: md(`
For a century, the long iron-and-glass hall on Halloran Street smelled of ice, salt and diesel.
Trawler crews landed their catch at the quay behind it before dawn, and buyers bid for it by the
crate under the great arched roof. The market closed when the last of the city's fishing fleet
moved to Aldergate, and for the better part of twenty years the building stood empty, its glass
painted over and its doors chained.

Later this month it reopens as the Halloran Hall, a 900-seat concert venue and the new permanent
home of the Vessmark Sinfonia. The conversion has taken six years and cost £23m, paid for by a
national heritage grant, the city council, the harbour authority, which owns the site, and more
than 3,000 individual donors.

## A room inside a room

The challenge, said the project's acoustician, Lena Marchetti, was that the original hall was
acoustically "a very beautiful disaster". Its hard surfaces and enormous volume produced an echo
lasting nearly six seconds – ideal for a cathedral, hopeless for a string quartet.

The solution was to build a second structure inside the first. The auditorium is a timber-lined
box resting on rubber bearings, separated from the old iron frame by a gap of about a metre.
From the street, the market looks almost unchanged. Inside, the audience sits in a warm wooden
room with curved balconies, and the iron roof is visible only through a glazed panel above the
stage.

"We tested it last week with the full orchestra and an empty hall," Marchetti said. "The
reverberation is a little over two seconds. For symphonic music, that is where you want to be.
I was very relieved."

## Who it is for

The Sinfonia's chief executive, Jonah Pritchard, said the hall had been designed with the whole
city in mind, not only its existing concertgoers. A third of the tickets for every Sinfonia
concert will cost £10 or less, and the hall will also host:

- a free lunchtime concert every Wednesday;
- open rehearsals for school groups;
- folk, jazz and electronic music on nights when the orchestra is not playing.

> "If this building only ever hosts people who already go to concerts, we will have failed. It
was a place where people from every part of this city came to work. We want it to feel like
that again."

Not everyone has welcomed the project. Some residents of the streets behind the market have
raised concerns about late-night noise and parking, and the council has imposed conditions
limiting amplified events to four nights a week. Traders at the smaller covered market nearby
worry that more visitors will eventually mean higher rents for their stalls.

The hall's running costs, estimated at £2.1m a year, are expected to be covered by ticket
sales, hire income and a three-year support grant from the council. Whether that will be enough
is a question the Sinfonia's board says it will answer publicly in its first annual report.
`),
  },
  {
    slug: 'northquay-by-election-what-the-candidates-say-about-housing',
    title: 'Northquay by-election: what the candidates say about housing',
    standfirst:
      "Voters in the city's fastest-changing ward go to the polls next Thursday. We asked all " +
      'three candidates about rents, repairs and new homes.',
    section: 'politics',
    tags: ['Elections', 'Housing'],
    author: 'maren-holloway',
    hoursAgo: 146,
    image: {
      seed: 10057,
      label: 'crowd',
      alt: 'Residents on folding chairs listening to three candidates in a crowded church hall',
      caption: "The Northquay hustings at St Brendan's church hall drew a standing-room crowd.",
      credit: 'Dara Quill / The Harbour Ledger',
    },
    markdown: md(`
Voters in Northquay will elect a new city councillor next Thursday, following the resignation
of the ward's long-serving member, Patricia Dunmore, who stepped down last month for health
reasons.

Three candidates are standing. At a packed hustings in St Brendan's church hall on Tuesday
evening, housing came up in more questions than every other subject combined. That is no
surprise: Northquay has seen the sharpest rise in rents of any part of the city, and more than
half of its households rent privately.

We put the same questions to each candidate and have summarised their answers below, in the
order their names appear on the ballot paper. We have shortened their positions, not changed
them.

## The three candidates

**Hannah Greaves (Civic Alliance)**, a primary school teacher who has lived in the ward for
twelve years, wants the council to introduce a licensing scheme for every private landlord in
Northquay, funded by a fee of around £600 per property over five years. She said licensing
would give the council "the power to inspect before tenants have to complain", and would
reserve council-owned land at the old goods yard for social housing.

**Joseph Okonjo (Independent)**, who runs a hardware shop on Quay Road, says licensing would
push rents up as landlords passed on the fee. He favours a council-run lettings agency offering
landlords guaranteed rent in exchange for longer tenancies below market rates, and wants the
goods yard used for a mix of homes for sale and rent, to keep younger families in the ward.

**Rosalind Petrakis (Coastal Greens)**, a retired housing officer, wants a citywide rule
requiring half of all homes on developments of more than twenty units to be affordable, up from
a quarter now. She said she would oppose any further build-to-rent blocks on the waterfront
"until someone can show me what they have done for the people who already live here".

## Where they agree

All three said they would support the tenants' advice centre's call for a council-funded
deposit loan scheme, and all three criticised the pace of repairs on the ward's two council
estates, where residents have complained about damp and mould for years. None would commit to
a figure for how many new social homes the ward should get.

For some in the hall, that was the missing answer.

> "They all agree it's bad. I've heard that at every election since I moved here. I want one of
them to tell me how many homes, where, and by when."

That was Lucy Amadi, who rents a one-bedroom flat on Cable Street with her partner and their
daughter, and said she had not yet decided how to vote.

Polling stations will be open from 7am to 10pm. Postal votes must reach the council by 10pm on
polling day, and can be handed in at any polling station in the ward. The count will take place
overnight at Harbour House, and we will report the result as soon as it is declared.
`),
  },
  {
    slug: 'lowmoor-farmers-weigh-letting-the-sea-back-in',
    title: 'On the Lowmoor polders, farmers weigh letting the sea back in',
    standfirst:
      'A plan to breach an old sea wall and restore 400 hectares of salt marsh would protect ' +
      'villages upstream. It would also end farming on land some families have worked for ' +
      'five generations.',
    section: 'climate',
    tags: ['Farming'],
    author: 'kasim-aldous',
    hoursAgo: 170,
    image: {
      seed: 11163,
      label: 'fields',
      alt: 'Flat green fields and a lone farmhouse behind a grassy sea wall under a wide sky',
      caption: 'Grazing land at Ferris End, on the landward side of the Lowmoor sea wall.',
      credit: 'Petra Vance / Lanternfish Photo Agency',
    },
    markdown: md(`
From the top of the sea wall at Ferris End, the Lowmoor polders stretch flat and green to the
horizon: winter wheat, grazing marsh, a line of pylons and a handful of farmhouses on low rises
of ground. On the other side of the bank, the mudflats of the Saltmere estuary glitter at low
tide.

The wall was built by hand more than two hundred years ago to win the land from the sea. Now
the regional environment agency is asking whether it should be deliberately breached.

## The proposal

Under a draft plan published for consultation last month, the agency would stop maintaining
about three kilometres of the outer wall and build a new, shorter embankment further inland.
The 400 hectares between the two would be allowed to flood on high tides and, over a decade or
two, would become salt marsh.

The agency's case is partly financial and partly about flood risk. Keeping the old wall up to
modern standards would cost an estimated £38m over the next fifty years. A marsh, by contrast,
would absorb wave energy and give storm surges somewhere to spread, lowering peak water levels
by several centimetres at the villages of Saltby and Wendham upstream. Restored salt marsh also
stores carbon and provides feeding grounds for wading birds.

"Centimetres sound like nothing," said the agency's area manager, Claire Ormerod. "But on a
surge tide, a few centimetres can be the difference between water that stays in the channel
and water that comes into people's kitchens."

## The people who farm it

Five farms would lose some or all of their land. The agency says it would buy the affected
land at agricultural value plus compensation, and has offered to help tenants find land
elsewhere.

For Aled Penhallow, whose family has farmed at Ferris End for five generations, the offer
misses the point.

> "You can't buy this somewhere else. The soil here took two hundred years to make. My
great-great-grandfather dug the drains. I understand why they're asking. I just don't know how
you say yes to it."

Others are more open to the idea. Joanna Tregear, who rents 60 hectares of grazing on the
polders, said she had lost hay crops to salt water seeping under the wall in two of the last
five years. "The sea's coming in whether we let it or not," she said. "I'd rather have a say in
how."

The parish council at Saltby has backed the plan. The regional farmers' union has asked for
compensation to cover lost future income as well as land value, and for the new embankment to
be finished and tested before any part of the old wall is opened.

The consultation closes at the end of next month. The agency will hold an open day at Ferris
End village hall, with engineers and ecologists on hand to answer questions, on the first
Saturday of the month.
`),
  },
  {
    slug: 'readers-fill-old-customs-house-library-to-oppose-sunday-closures',
    title: 'Hundreds fill the Old Customs House library to oppose Sunday closures',
    standfirst:
      "Parents, pensioners, students and a choir turned the central library's reading room into " +
      'a public meeting on Saturday. The council says it has no alternative.',
    section: 'culture',
    tags: ['Libraries'],
    author: 'maren-holloway',
    hoursAgo: 228,
    image: {
      seed: 12279,
      label: 'crowd',
      alt: 'People reading on the floor and stairs of a crowded library reading room',
      caption: "The reading room at the Old Customs House during Saturday's read-in.",
      credit: 'Yusuf Harrow / Greywater Press Images',
    },
    markdown: md(`
By eleven on Saturday morning there were no chairs left in the reading room of the central
library at the Old Customs House. By half past, people were sitting on the floor between the
local history shelves, and the overflow had spilled down the marble staircase and out into
Customs Square.

Organisers estimated that around 600 people came to the "read-in", called to oppose the city
council's proposal to close the central library on Sundays and cut opening hours at five branch
libraries. Library staff counted 412 people through the door before asking new arrivals to wait
outside for safety reasons.

The event was peaceful and, for long stretches, quiet. Many of those who came simply sat and
read. At noon, the Northquay Community Choir sang from the gallery, and a succession of
speakers described what the library meant to them.

## Who uses the library on a Sunday

The council's own figures show that Sunday is the central library's third-busiest day, with an
average of around 1,100 visits. A survey of Sunday users, published as part of the budget
consultation, found that:

- 38% came to study, most of them school or university students;
- 27% used the free computers or wifi, often to apply for jobs or benefits;
- 19% came with children under ten;
- more than a third said they had no other quiet place to go.

Among them is Farida Aziz, a nursing student who travels in from Brackwell every Sunday. "I
share a room with my sister and there's a baby in the flat," she said. "This is where I passed
my exams. Where am I supposed to go?"

Martin Kell, 81, has come to the reading room on Sundays since his wife died. "It's the one
day of the week I talk to people," he said. "The staff know my name."

## The council's position

The council says the changes would save £2.4m a year across the library service, and that
every department has been asked to find savings as it tries to close a budget gap of more than
£14m.

> "Nobody on this council wants to reduce library hours. But the law requires us to set a
balanced budget, and the alternatives are cuts to services that keep people safe."

That was Councillor Ruth Abernethy, the cabinet member for finance, in a statement issued on
Saturday afternoon. Campaigners from the Friends of Vessmark Libraries have asked the council
to consider volunteer support, shared staffing with the university, or a delay to the planned
refurbishment of its own offices.

The budget will be debated by the full council next week. The Friends say they will hand in a
petition with more than 9,000 signatures before the meeting begins.
`),
  },
];
