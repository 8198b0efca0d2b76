import type { DemoArticle } from './demo-articles.js';
import { md } from './demo-markdown.js';

/** The last six demo articles. */
export const laterDemoArticles: readonly DemoArticle[] = [
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
    visibility: 'members',
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
    visibility: 'paid',
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
