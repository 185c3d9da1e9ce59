//! Realistic wire copy for benchmarks: stories in newsroom style about invented people,
//! organisations and places, generated from name lists and sentence templates with a
//! fixed seed, so every run reads the same text. Many distinct people and organisations
//! appear (as in a week of wire copy or a long hearing transcript), each named in full
//! once and then by surname, pronoun or role, as reporters write.

const GIVEN_M: &[&str] = &[
    "Aarav",
    "Anselm",
    "Bartholomew",
    "Caspian",
    "Dario",
    "Emeric",
    "Fintan",
    "Gideon",
    "Halvard",
    "Ignatius",
    "Jovan",
    "Kasimir",
    "Leopold",
    "Mattias",
    "Nikolai",
    "Oisin",
    "Percival",
    "Quillan",
    "Rafferty",
    "Sebastiano",
    "Tobiah",
    "Ulric",
    "Valentin",
    "Wendell",
    "Xavier",
    "Yannick",
    "Zoltan",
    "Ambrose",
    "Benedikt",
    "Cormac",
    "Desmond",
    "Evander",
    "Florian",
    "Gustavo",
    "Horatio",
    "Isidore",
    "Joaquim",
    "Konstantin",
    "Lysander",
    "Marek",
    "Nestor",
    "Octavian",
    "Pascal",
    "Radomir",
    "Stellan",
    "Thaddeus",
];
const GIVEN_F: &[&str] = &[
    "Adaeze",
    "Brigitta",
    "Celestine",
    "Dagny",
    "Eulalia",
    "Fenella",
    "Giedre",
    "Henrike",
    "Ilse",
    "Jolanta",
    "Katarina",
    "Leocadia",
    "Marisol",
    "Noemi",
    "Ottilie",
    "Philippa",
    "Quintessa",
    "Rosalind",
    "Saoirse",
    "Teodora",
    "Ursula",
    "Valeska",
    "Wilhelmina",
    "Xiomara",
    "Yevgenia",
    "Zinnia",
    "Anouk",
    "Beatrix",
    "Clementine",
    "Dorota",
    "Esmeralda",
    "Flavia",
    "Graziella",
    "Honorata",
    "Isolde",
    "Jessamy",
    "Kalliope",
    "Liesel",
    "Mirela",
    "Nanette",
    "Oriana",
    "Perpetua",
    "Rozalia",
    "Sidonie",
    "Tamsin",
    "Verity",
];
const SURNAME_A: &[&str] = &[
    "Abern", "Balt", "Corv", "Dren", "Elm", "Fald", "Garr", "Hollin", "Iver", "Jask", "Kell",
    "Lund", "Marr", "Norr", "Ost", "Pell", "Quar", "Rask", "Stav", "Tarn", "Ulm", "Vask", "Wend",
    "Yarr", "Zell", "Brann", "Cald", "Dunm", "Ferr", "Grisw",
];
const SURNAME_B: &[&str] = &[
    "ecott", "ingham", "owitz", "avelli", "strom", "bury", "mont", "quist", "ley", "wick", "ford",
    "ani", "enko", "sdottir", "ard", "oway", "ridge", "esco", "hardt", "inski",
];
const PLACES: &[&str] = &[
    "Carrowmore",
    "Dunleary Bay",
    "Eskerfield",
    "Foxhollow",
    "Glenmarrow",
    "Harrowgate Vale",
    "Inchbrook",
    "Kilbarron",
    "Lowther Cross",
    "Marlow Sound",
    "Northmere",
    "Oakhaven",
    "Pennick",
    "Ravensholt",
    "Saltmarsh",
    "Thornbury Heath",
    "Upper Vellan",
    "Westerlea",
];
const ORG_FIRST: &[&str] = &[
    "Northern",
    "Coastal",
    "Meridian",
    "Harbour",
    "Granite",
    "Silverline",
    "Brightwater",
    "Ironbridge",
    "Summit",
    "Kestrel",
    "Lattice",
    "Orchard",
    "Pinnacle",
    "Redfern",
    "Sable",
    "Tidewater",
    "Vantage",
    "Wolfram",
    "Amberly",
    "Bluestone",
];
const ORG_SECOND: &[&str] = &[
    "Freight",
    "Energy",
    "Steel",
    "Mutual",
    "Logistics",
    "Water",
    "Grain",
    "Cable",
    "Software",
    "Shipping",
    "Pharma",
    "Textiles",
    "Mining",
    "Timber",
    "Dairy",
];
const ORG_KIND: &[&str] = &[
    "Group",
    "Company",
    "Holdings",
    "Corporation",
    "Authority",
    "Union",
    "Council",
    "Institute",
    "Association",
    "Bank",
];
const MINISTRIES: &[&str] = &[
    "Finance",
    "Health",
    "Transport",
    "Agriculture",
    "Energy",
    "Housing",
    "Justice",
    "Education",
    "Fisheries",
    "Environment",
];
const ROLES: &[&str] = &[
    "chief executive",
    "finance director",
    "union leader",
    "council member",
    "spokeswoman",
    "economist",
    "harbour master",
    "senior engineer",
    "head of research",
    "regional manager",
    "deputy mayor",
    "safety inspector",
];
const TOPICS: &[&str] = &[
    "the new toll scheme",
    "the pension reform",
    "the bridge repairs",
    "the water tariff",
    "the port expansion",
    "the school closures",
    "the wind farm",
    "the rail timetable",
    "the grain subsidy",
    "the hospital budget",
    "the fishing quota",
    "the housing plan",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "Sept.", "Oct.",
];

/// A small xorshift generator: the same seed gives the same text on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

struct Person {
    given: &'static str,
    surname: String,
    female: bool,
    role: &'static str,
}

struct Org {
    name: String,
}

fn person(rng: &mut Rng) -> Person {
    let female = rng.below(2) == 0;
    let given = if female {
        rng.pick(GIVEN_F)
    } else {
        rng.pick(GIVEN_M)
    };
    let surname = format!("{}{}", rng.pick(SURNAME_A), rng.pick(SURNAME_B));
    Person {
        given,
        surname,
        female,
        role: rng.pick(ROLES),
    }
}

fn org(rng: &mut Rng) -> Org {
    let name = if rng.below(4) == 0 {
        format!("Ministry of {}", rng.pick(MINISTRIES))
    } else {
        format!(
            "{} {} {}",
            rng.pick(ORG_FIRST),
            rng.pick(ORG_SECOND),
            rng.pick(ORG_KIND)
        )
    };
    Org { name }
}

fn figure(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("${}.{} million", 1 + rng.below(900), rng.below(10)),
        1 => format!("{} percent", 1 + rng.below(60)),
        2 => format!("{},{:03} jobs", 1 + rng.below(40), rng.below(1000)),
        _ => format!("{} households", 100 + rng.below(9000)),
    }
}

/// One story: a headline, a dateline paragraph and eight to twelve paragraphs of quotes,
/// reported speech and facts about three people and two organisations.
fn story(rng: &mut Rng, out: &mut String) {
    let people: Vec<Person> = (0..3).map(|_| person(rng)).collect();
    let orgs: Vec<Org> = (0..2).map(|_| org(rng)).collect();
    let place = rng.pick(PLACES);
    let topic = rng.pick(TOPICS);
    let (a, b, c) = (&people[0], &people[1], &people[2]);
    let (o1, o2) = (&orgs[0].name, &orgs[1].name);
    let pron = |p: &Person| if p.female { "she" } else { "he" };
    let cap = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    out.push_str(&format!(
        "{} row deepens as {} weighs {}\n\n",
        cap(topic.trim_start_matches("the ")),
        place,
        figure(rng)
    ));
    out.push_str(&format!(
        "{}, {} {} — {} {} {}, the {} of {}, said on {} that {} would cost {} more than planned.\n\n",
        place.to_uppercase(),
        rng.pick(MONTHS),
        1 + rng.below(28),
        cap(a.role),
        a.given,
        a.surname,
        a.role,
        o1,
        rng.pick(DAYS),
        topic,
        figure(rng)
    ));
    let paragraphs = 8 + rng.below(5);
    for _ in 0..paragraphs {
        let para = match rng.below(10) {
            0 => format!(
                "\"We were never shown the full costs,\" {} said. \"Nobody in {} was asked.\"",
                a.surname, place
            ),
            1 => format!(
                "{} {}, a {} at {}, told reporters that {} had been delayed twice since {}.",
                b.given,
                b.surname,
                b.role,
                o2,
                topic,
                rng.pick(MONTHS)
            ),
            2 => format!(
                "According to {}, {} would be needed to finish the work by {}.",
                o2,
                figure(rng),
                rng.pick(MONTHS)
            ),
            3 => format!(
                "{} said {} had warned the council in writing. \"I said it then and I say it now,\" {} added.",
                b.surname,
                pron(b),
                pron(b)
            ),
            4 => format!(
                "The {} of {}, {} {}, disputed the figures. \"The numbers in that report are simply wrong,\" {} said in a statement.",
                c.role,
                o1,
                c.given,
                c.surname,
                pron(c)
            ),
            5 => format!(
                "Officials said about {} in {} would be affected, up from {} last year.",
                figure(rng),
                place,
                figure(rng)
            ),
            6 => format!(
                "The company said it expected {} to rise by {} next year, a move the union called reckless.",
                topic,
                figure(rng)
            ),
            7 => format!(
                "Ms. {} and Mr. {} met on {} in {} but reached no agreement, {} said.",
                if a.female { &a.surname } else { &c.surname },
                b.surname,
                rng.pick(DAYS),
                place,
                o1
            ),
            8 => format!(
                "\"If {} goes ahead as written, {} will be paying for it for a decade,\" said {}, who has led {} since {}.",
                topic,
                place,
                c.surname,
                o2,
                2000 + rng.below(24)
            ),
            _ => format!(
                "{} rose {} in the third quarter, the {} reported, citing figures from {}.",
                cap(topic.trim_start_matches("the ")),
                figure(rng),
                if rng.below(2) == 0 {
                    "ministry"
                } else {
                    "agency"
                },
                o2
            ),
        };
        out.push_str(&para);
        out.push_str("\n\n");
    }
}

/// At least `bytes` bytes of wire copy (whole stories), the same for the same seed.
pub fn news(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed | 1);
    let mut out = String::with_capacity(bytes + 4096);
    while out.len() < bytes {
        story(&mut rng, &mut out);
    }
    out
}
