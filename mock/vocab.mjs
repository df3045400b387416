// Word lists for the generated CRM: people, places, trades and note templates.
// Phone numbers use the fictional 555-01xx range and e-mail the example.* domains.

export const FIRST_NAMES = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Christopher", "Karen",
  "Charles", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Margaret",
  "Donald", "Ashley", "Steven", "Kimberly", "Andrew", "Emily", "Paul", "Donna", "Joshua", "Michelle",
  "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie",
  "Luis", "Maria", "Carlos", "Ana", "Jose", "Rosa", "Wei", "Mei", "Raj", "Priya",
];

export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
  "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
  "Patel", "Chen", "Kowalski", "O'Brien", "Schmidt", "Larsen",
];

export const STREET_NAMES = [
  "Oak", "Maple", "Cedar", "Pine", "Elm", "Willow", "Aspen", "Birch", "Spruce", "Juniper",
  "Main", "Park", "Lake", "Hillcrest", "Sunset", "Ridge", "Meadow", "Prairie", "Canyon", "Mesa",
  "Highland", "Valley", "Cottonwood", "Pinon", "Sage", "Bluebell", "Columbine", "Pecan", "Magnolia", "Mockingbird",
];

export const STREET_SUFFIXES = ["St", "Ave", "Dr", "Ln", "Ct", "Way", "Blvd", "Pl", "Cir", "Rd"];

/** city, state and a few real ZIP codes; area codes for the 555-01xx numbers */
export const CITIES = [
  { city: "Denver", state: "CO", zips: ["80205", "80210", "80219", "80220", "80231"], area: ["303", "720"] },
  { city: "Aurora", state: "CO", zips: ["80010", "80012", "80013", "80015", "80016"], area: ["303", "720"] },
  { city: "Lakewood", state: "CO", zips: ["80226", "80227", "80228", "80232"], area: ["303", "720"] },
  { city: "Littleton", state: "CO", zips: ["80120", "80122", "80123", "80127"], area: ["303", "720"] },
  { city: "Parker", state: "CO", zips: ["80134", "80138"], area: ["303", "720"] },
  { city: "Castle Rock", state: "CO", zips: ["80104", "80108", "80109"], area: ["303", "720"] },
  { city: "Arvada", state: "CO", zips: ["80002", "80003", "80004", "80005"], area: ["303", "720"] },
  { city: "Colorado Springs", state: "CO", zips: ["80903", "80918", "80920", "80923"], area: ["719"] },
  { city: "Plano", state: "TX", zips: ["75023", "75024", "75025", "75074", "75093"], area: ["972", "469"] },
  { city: "Frisco", state: "TX", zips: ["75033", "75034", "75035"], area: ["972", "469"] },
  { city: "McKinney", state: "TX", zips: ["75069", "75070", "75071", "75072"], area: ["972", "469"] },
  { city: "Allen", state: "TX", zips: ["75002", "75013"], area: ["972", "469", "214"] },
];

export const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"];

export const SALES_REPS = [
  "Dana Whitfield", "Marcus Reyes", "Tina Okafor", "Greg Halvorsen", "Priya Natarajan", "Cody Brennan",
];

export const OFFICE_STAFF = ["Office Admin", "Jill Carver (Office)", "Production Manager"];

export const VENDOR_COMPANIES = [
  "Front Range Roofing Supply", "Summit Shingle Distributors", "Gutter Pros Wholesale", "Mile High Lumber & Siding",
  "Peak Dumpster Rentals", "Prairie Windows & Doors", "Lone Star Building Products", "Northfield Metal Works",
];

export const SUBCONTRACTOR_COMPANIES = [
  "Reyes Roofing Crew LLC", "Apex Seamless Gutters", "Bright Line Siding Co.", "Iron Horse Installers",
  "Skyline Tear-off Services", "True Level Carpentry", "Redbud Painting", "Copperhead Chimney & Flashing",
];

export const COMMERCIAL_NAMES = [
  "Maple Grove HOA", "Cottonwood Creek Apartments", "St. Luke's Parish", "Westside Self Storage",
  "Hillcrest Dental Group", "Prairie View Elementary PTA", "Sunset Plaza Retail", "Aspen Ridge Townhomes",
];

export const CONTACT_TAGS = [
  "hail-2024", "hail-2025", "insurance", "referral", "repeat-customer", "commercial",
  "storm-lead", "door-knock", "warranty", "financing", "yard-sign",
];

/** job record type → names of the work, and the price range of an approved estimate */
export const JOB_TYPES = {
  Roofing: { weight: 45, works: ["Roof replacement", "Roof repair", "Reroof – architectural shingles", "Metal roof install", "Leak repair"], price: [7800, 38500] },
  Gutters: { weight: 18, works: ["Gutter replacement", "Seamless gutters", "Gutter guards install", "Downspout repair"], price: [1200, 4800] },
  Siding: { weight: 15, works: ["Siding replacement", "Hail damage siding repair", "Fiber cement siding", "Soffit and fascia repair"], price: [5600, 26000] },
  "Insurance claim": { weight: 22, works: ["Storm damage claim", "Hail claim", "Wind damage claim"], price: [9200, 46000] },
};

/** job record type → description templates */
export const JOB_DESCRIPTIONS = {
  Roofing: [
    "Homeowner reports leaks over the garage. {squares} squares, {pitch} pitch, architectural shingles.",
    "Full tear-off and replace. {squares} squares, two layers existing, new synthetic underlayment and ice & water at eaves.",
    "Wind lifted shingles on the west slope; replace ridge cap and about {squares} squares.",
    "Referral from a neighbour. Roof is 22 years old; inspection found granule loss and soft decking near the chimney.",
    "Commercial low-slope section, {squares} squares TPO over the back office; shingles on the front.",
  ],
  Gutters: [
    "Customer wants seamless 6\" gutters with guards, {feet} linear feet, colour to match trim.",
    "Gutters pulling away at the back of the house; replace {feet} linear feet and add two downspouts.",
    "Hail dented the gutters on the north side; replace {feet} linear feet.",
  ],
  Siding: [
    "Siding cracked on two elevations from hail. Replace {squares} squares of lap siding and repaint trim.",
    "Woodpecker damage and soft spots on the east wall; replace {squares} squares with fiber cement.",
    "Soffit and fascia rotted along the front; replace and wrap in aluminium.",
  ],
  "Insurance claim": [
    "Adjuster meeting requested. Visible hail hits on soft metals and the north slope; {squares} squares.",
    "Claim filed after the spring storm. Roof ({squares} squares), gutters and window wraps on the scope.",
    "Wind claim: missing shingles and a damaged ridge vent. Carrier approved a re-inspection.",
  ],
};

export const TASK_TITLES = {
  Inspection: ["Roof inspection at {address}", "Hail damage inspection – {address}", "Attic and decking check – {address}"],
  Call: ["Call {contact} about the estimate", "Call {contact} to schedule the adjuster", "Return {contact}'s call", "Confirm material colour with {contact}"],
  Install: ["Install – {job}", "Crew on site – {address}", "Material delivery – {address}", "Final walk-through – {job}"],
  "Follow-up": ["Follow up on signed contract – {contact}", "Send supplement to insurance – {job}", "Collect final payment – {job}", "Ask {contact} for a review"],
};

export const ACTIVITY_NOTES = {
  Note: [
    "Measured the roof: {squares} squares, {pitch} pitch. Photos uploaded.",
    "Homeowner prefers Weathered Wood shingles. Needs HOA approval before we order.",
    "Dumpster scheduled for the morning of the install. Gate code is with the office.",
    "Adjuster approved the claim including gutters and window wraps.",
    "Crew found rotten decking on the north slope, about 6 sheets. Change order sent.",
    "Customer asked to push the start date by one week because of a family event.",
    "Permit pulled with the city. Inspection card posted on the garage.",
    "Left a door hanger; nobody home. Try again on Saturday.",
  ],
  Email: [
    "Sent the estimate for {job} to {contact}.",
    "Emailed the signed contract and the warranty registration.",
    "Sent the insurance scope and our supplement to the carrier.",
    "Emailed the final invoice; payment due within 10 days of completion.",
    "Shared the colour brochure and a link to the financing application.",
  ],
  "Call log": [
    "Called {contact}; voicemail. Left a message about scheduling.",
    "Spoke with {contact}: wants to go ahead once the deductible is confirmed.",
    "{contact} called about a drip in the kitchen ceiling after the storm. Booked an inspection.",
    "Talked to the adjuster; re-inspection set for next Tuesday.",
    "Called {contact} to confirm the install date. Confirmed.",
  ],
};

export const FILE_KINDS = [
  { label: "Estimate", slug: "estimate", content_type: "application/pdf", record_type_name: "Document" },
  { label: "Signed contract", slug: "signed-contract", content_type: "application/pdf", record_type_name: "Document" },
  { label: "Insurance scope", slug: "insurance-scope", content_type: "application/pdf", record_type_name: "Document" },
  { label: "Front elevation", slug: "front-elevation", content_type: "image/png", record_type_name: "Photo" },
  { label: "North slope damage", slug: "north-slope-damage", content_type: "image/png", record_type_name: "Photo" },
  { label: "Gutter detail", slug: "gutter-detail", content_type: "image/png", record_type_name: "Photo" },
];
