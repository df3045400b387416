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

/** city, state, centre and a few real ZIP codes; area codes for the 555-01xx numbers */
export const CITIES = [
  { city: "Denver", lat: 39.7392, lon: -104.9903, state: "CO", zips: ["80205", "80210", "80219", "80220", "80231"], area: ["303", "720"] },
  { city: "Aurora", lat: 39.7294, lon: -104.8319, state: "CO", zips: ["80010", "80012", "80013", "80015", "80016"], area: ["303", "720"] },
  { city: "Lakewood", lat: 39.7047, lon: -105.0814, state: "CO", zips: ["80226", "80227", "80228", "80232"], area: ["303", "720"] },
  { city: "Littleton", lat: 39.6133, lon: -105.0166, state: "CO", zips: ["80120", "80122", "80123", "80127"], area: ["303", "720"] },
  { city: "Parker", lat: 39.5186, lon: -104.7614, state: "CO", zips: ["80134", "80138"], area: ["303", "720"] },
  { city: "Castle Rock", lat: 39.3722, lon: -104.8561, state: "CO", zips: ["80104", "80108", "80109"], area: ["303", "720"] },
  { city: "Arvada", lat: 39.8028, lon: -105.0875, state: "CO", zips: ["80002", "80003", "80004", "80005"], area: ["303", "720"] },
  { city: "Colorado Springs", lat: 38.8339, lon: -104.8214, state: "CO", zips: ["80903", "80918", "80920", "80923"], area: ["719"] },
  { city: "Plano", lat: 33.0198, lon: -96.6989, state: "TX", zips: ["75023", "75024", "75025", "75074", "75093"], area: ["972", "469"] },
  { city: "Frisco", lat: 33.1507, lon: -96.8236, state: "TX", zips: ["75033", "75034", "75035"], area: ["972", "469"] },
  { city: "McKinney", lat: 33.1972, lon: -96.6398, state: "TX", zips: ["75069", "75070", "75071", "75072"], area: ["972", "469"] },
  { city: "Allen", lat: 33.1032, lon: -96.6706, state: "TX", zips: ["75002", "75013"], area: ["972", "469", "214"] },
];

export const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"];

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


/** Fictional insurance carriers, for the adjusters' companies. */
export const ADJUSTER_COMPANIES = [
  "Granite Mutual Insurance", "Prairie Shield Insurance", "Bluestem Casualty", "Front Range Home & Auto",
  "Lone Oak Insurance Group", "Keystone Property Claims",
];

/**
 * job workflow → how often it comes up, names of the work, the price range of an estimate, and
 * description templates ({squares}, {pitch}, {feet} are filled in).
 */
export const JOB_WORK = {
  "Residential Roofing": {
    weight: 40,
    works: ["Roof replacement", "Reroof – architectural shingles", "Metal roof install", "Tear-off and reroof"],
    price: [9800, 38500],
    descriptions: [
      "Full tear-off and replace. {squares} squares, two layers existing, new synthetic underlayment and ice & water at eaves.",
      "Roof is 22 years old; inspection found granule loss and soft decking near the chimney. {squares} squares, {pitch} pitch.",
      "Customer wants to upgrade to class 4 impact-resistant shingles. {squares} squares.",
    ],
  },
  "Insurance Claim": {
    weight: 25,
    works: ["Hail claim", "Wind damage claim", "Storm damage claim"],
    price: [11200, 46000],
    descriptions: [
      "Adjuster meeting requested. Visible hail hits on soft metals and the north slope; {squares} squares.",
      "Claim filed after the spring storm. Roof ({squares} squares), gutters and window wraps on the scope.",
      "Wind claim: missing shingles and a damaged ridge vent. Carrier approved a re-inspection.",
    ],
  },
  "Gutters & Siding": {
    weight: 15,
    works: ["Seamless gutters", "Gutter guards install", "Siding replacement", "Soffit and fascia repair"],
    price: [1400, 26000],
    descriptions: [
      "Seamless 6\" gutters with guards, {feet} linear feet, colour to match trim.",
      "Gutters pulling away at the back of the house; replace {feet} linear feet and add two downspouts.",
      "Siding cracked on two elevations from hail. Replace {squares} squares of lap siding.",
    ],
  },
  "Repair & Service": {
    weight: 14,
    works: ["Leak repair", "Roof repair", "Flashing repair", "Skylight reseal"],
    price: [350, 4200],
    descriptions: [
      "Leak over the garage after heavy rain. Check the valley and the step flashing.",
      "Wind lifted shingles on the west slope; replace about {squares} squares and the ridge cap.",
      "Chimney flashing is loose; reseal and counter-flash.",
    ],
  },
  "Commercial Roofing": {
    weight: 6,
    works: ["TPO roof replacement", "Low-slope roof coating", "Commercial reroof"],
    price: [42000, 185000],
    descriptions: [
      "Low-slope section, {squares} squares TPO over the back office; shingles on the front.",
      "Ponding on the flat roof; coat and add crickets at the drains. {squares} squares.",
    ],
  },
};

/** task type → title templates ({address}, {contact}, {job}) */
export const TASK_TITLES = {
  Inspection: ["Roof inspection at {address}", "Hail damage inspection – {address}", "Attic and decking check – {address}"],
  Appointment: ["Estimate appointment with {contact}", "Colour selection with {contact}"],
  Call: ["Call {contact} about the estimate", "Return {contact}'s call", "Confirm material colour with {contact}"],
  "Follow-up": ["Follow up on the estimate – {contact}", "Send supplement to insurance – {job}", "Collect final payment – {job}", "Ask {contact} for a review"],
  Install: ["Install – {job}", "Crew on site – {address}"],
  "Material Delivery": ["Material delivery – {address}", "Dumpster drop-off – {address}"],
  "Adjuster Meeting": ["Meet the adjuster at {address}", "Re-inspection with the carrier – {address}"],
  "Final Walk-through": ["Final walk-through – {job}", "Punch list and magnet sweep – {address}"],
};

/** activity type → note templates ({contact}, {job}, {squares}, {pitch}) */
export const ACTIVITY_NOTES = {
  Note: [
    "Measured the roof: {squares} squares, {pitch} pitch. Photos uploaded.",
    "Homeowner prefers Weathered Wood shingles. Needs HOA approval before we order.",
    "Dumpster scheduled for the morning of the install. Gate code is with the office.",
    "Crew found rotten decking on the north slope, about 6 sheets. Change order sent.",
    "Customer asked to push the start date by one week because of a family event.",
    "Permit pulled with the city. Inspection card posted on the garage.",
  ],
  Email: [
    "Sent the estimate for {job} to {contact}.",
    "Emailed the signed contract and the warranty registration.",
    "Sent the insurance scope and our supplement to the carrier.",
    "Emailed the final invoice; payment due within 10 days of completion.",
  ],
  "Call log": [
    "Called {contact}; voicemail. Left a message about scheduling.",
    "Spoke with {contact}: wants to go ahead once the deductible is confirmed.",
    "{contact} called about a drip in the kitchen ceiling after the storm. Booked an inspection.",
    "Called {contact} to confirm the install date. Confirmed.",
  ],
  "Text Message": [
    "Texted {contact}: crew arrives at 7:30 tomorrow.",
    "{contact} texted photos of the water stain in the bedroom.",
  ],
  "Site Visit": [
    "Stopped by {job}: tear-off done, dry-in complete before the rain.",
    "Site visit: magnet sweep done, yard clean, customer happy.",
  ],
  Meeting: [
    "Met {contact} at the kitchen table; went through the contract line by line.",
    "Adjuster meeting on site: carrier agreed to full replacement.",
  ],
};

/** What the seeded files are: label, file name stem, media type, FileTypeId. */
export const FILE_KINDS = [
  { label: "Front elevation", slug: "front-elevation", content_type: "image/png", type: 2, weight: 20 },
  { label: "North slope damage", slug: "north-slope-damage", content_type: "image/png", type: 2, weight: 18 },
  { label: "Gutter detail", slug: "gutter-detail", content_type: "image/png", type: 2, weight: 12 },
  { label: "Signed contract", slug: "signed-contract", content_type: "application/pdf", type: 1, weight: 12 },
  { label: "Roof measurement report", slug: "roof-report", content_type: "application/pdf", type: 6, weight: 10 },
  { label: "Insurance scope", slug: "insurance-scope", content_type: "application/pdf", type: 101, weight: 10 },
  { label: "Building permit", slug: "permit", content_type: "application/pdf", type: 102, weight: 6 },
  { label: "Invoice", slug: "invoice", content_type: "application/pdf", type: 5, weight: 12 },
];

/** Products and labour items: [name, item_type, uom, material cost, material price, labour cost, labour price, sku] */
export const PRODUCTS = [
  ["Architectural shingles – Weathered Wood", "material", "SQ", 98, 165, 0, 0, "SHG-AR-WW"],
  ["Architectural shingles – Charcoal", "material", "SQ", 98, 165, 0, 0, "SHG-AR-CH"],
  ["Class 4 impact-resistant shingles", "material", "SQ", 138, 225, 0, 0, "SHG-C4"],
  ["Hip and ridge cap", "material", "BDL", 52, 89, 0, 0, "RDG-CAP"],
  ["Synthetic underlayment", "material", "RL", 78, 129, 0, 0, "UND-SYN"],
  ["Ice and water shield", "material", "RL", 92, 149, 0, 0, "IWS-200"],
  ["Drip edge – white", "material", "EA", 7.5, 14, 0, 0, "DRP-WH"],
  ["Starter strip", "material", "BDL", 38, 64, 0, 0, "STR-01"],
  ["Ridge vent", "material", "EA", 14, 26, 0, 0, "VNT-RDG"],
  ["Pipe boot", "material", "EA", 9, 22, 0, 0, "BOOT-3"],
  ["Step flashing", "material", "BX", 41, 75, 0, 0, "FLS-STEP"],
  ["Roofing nails – coil", "material", "BX", 36, 58, 0, 0, "NAIL-COIL"],
  ["OSB decking 7/16\"", "material", "EA", 17, 38, 0, 0, "OSB-716"],
  ["6\" seamless gutter – white", "material", "LF", 3.1, 9.5, 0, 0, "GUT-6-WH"],
  ["Downspout 3x4", "material", "LF", 2.4, 7.5, 0, 0, "DSP-34"],
  ["Gutter guard", "material", "LF", 2.9, 8, 0, 0, "GRD-MESH"],
  ["Fiber cement lap siding", "material", "SQ", 210, 380, 0, 0, "SDG-FC"],
  ["TPO membrane 60 mil", "material", "SQ", 115, 210, 0, 0, "TPO-60"],
  ["Tear-off, one layer", "labor", "SQ", 0, 0, 45, 85, "LAB-TEAR"],
  ["Shingle install", "labor", "SQ", 0, 0, 65, 120, "LAB-INST"],
  ["Decking replacement", "labor", "EA", 0, 0, 18, 45, "LAB-DECK"],
  ["Gutter install", "labor", "LF", 0, 0, 2.2, 5, "LAB-GUT"],
  ["Dumpster and haul-off", "labor+material", "EA", 380, 550, 60, 95, "DUMP-20"],
  ["Permit and inspection", "labor+material", "EA", 150, 225, 40, 75, "PERMIT"],
];
