/// Names for demonstration people, from many backgrounds: accents, apostrophes,
/// hyphens, letters that do not decompose (ł, ø, ß, ı) and a few non-Latin
/// scripts, so search and column alignment are exercised by the demo itself.
enum DemoNames {
    struct Culture {
        let surnames: [String]
        let male: [String]
        let female: [String]
        /// Relative frequency in the demo.
        let weight: Int
    }

    static let cultures: [Culture] = [
        Culture(surnames: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
                           "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
                           "Jackson", "Clarke", "Smith-Jones", "Bowes-Lyon", "Hughes", "Edwards", "Turner", "Hill",
                           "Moore", "Harris", "Martin", "Cooper", "Ward", "Morris", "King", "Baker", "Harrison",
                           "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Young", "Mitchell", "Parker",
                           "Bennett", "Carter", "Shaw", "Lloyd", "Cook", "Richardson", "Bailey", "Collins", "Marshall",
                           "Chapman", "Webb", "Rogers", "Gray", "Mason", "Hunt", "Palmer", "Holmes", "Mills", "Barnes",
                           "Knight", "Butler", "Russell", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Hart",
                           "Pearce", "Graham", "Fletcher", "Wells", "Foster", "Gibson", "Ellis", "Kennedy", "Reid",
                           "Armstrong-Hale", "Lawson-Reed", "Price", "Sutton", "Hayes", "Fox", "Rose", "Lane", "Burton"],
                male: ["James", "John", "David", "Michael", "Paul", "Mark", "Daniel", "Thomas", "Jack", "Lee",
                       "Craig", "Wayne", "Gary", "Stephen", "Liam", "Ryan", "Andrew", "Christopher", "Matthew",
                       "Richard", "Robert", "Peter", "Anthony", "Kevin", "Jason", "Darren", "Dean", "Scott", "Adam",
                       "Jamie", "Connor", "Kieran", "Nathan", "Luke", "Jordan", "Shane", "Carl", "Neil", "Ian",
                       "Martin", "Simon", "Steven", "Barry", "Terry", "Ashley", "Callum", "Reece", "Bradley"],
                female: ["Sarah", "Emma", "Claire", "Lisa", "Mary-Jane", "Karen", "Zoë", "Chloë", "Rebecca", "Amy",
                         "Laura", "Nicola", "Kelly", "Gemma", "Donna", "Tracey", "Joanne", "Stacey", "Leanne",
                         "Danielle", "Hayley", "Jade", "Louise", "Michelle", "Samantha"],
                weight: 40),
        Culture(surnames: ["O'Brien", "Ó'Brien", "O'Connor", "Ó Súilleabháin", "Murphy", "Kelly", "McCarthy",
                           "Ní Dhomhnaill", "Byrne", "Ó Ceallaigh"],
                male: ["Seán", "Pádraig", "Cian", "Eoin", "Ciarán", "Dónal"],
                female: ["Siobhán", "Aoife", "Niamh", "Máire", "Caoimhe"], weight: 6),
        Culture(surnames: ["Llewellyn", "Rhys", "ap Gwilym", "Pritchard", "Bowen"],
                male: ["Dafydd", "Rhodri", "Gruffudd", "Iestyn"], female: ["Angharad", "Ffion", "Eluned"], weight: 3),
        Culture(surnames: ["MacDonald", "McLeod", "Campbell", "Fraser", "MacGregor"],
                male: ["Hamish", "Callum", "Ewan", "Alasdair"], female: ["Morag", "Eilidh", "Isla"], weight: 3),
        Culture(surnames: ["Wójcik", "Kowalski", "Zieliński", "Łukaszewicz", "Wiśniewski", "Dąbrowski", "Nowak"],
                male: ["Łukasz", "Paweł", "Grzegorz", "Michał", "Wojciech"],
                female: ["Małgorzata", "Agnieszka", "Katarzyna", "Żaneta"], weight: 6),
        Culture(surnames: ["Popescu", "Ionescu", "Țăranu", "Ștefănescu"], male: ["Ștefan", "Mihai", "Andrei"],
                female: ["Ioana", "Mădălina"], weight: 3),
        Culture(surnames: ["Kazlauskas", "Jankauskas", "Bērziņš", "Ozoliņš"], male: ["Jonas", "Mindaugas", "Jānis"],
                female: ["Rūta", "Līga"], weight: 2),
        Culture(surnames: ["Gonçalves", "Conceição", "Núñez", "García", "Muñoz", "Peña"],
                male: ["João", "José", "Andrés", "Joaquín"], female: ["María José", "Inês", "Begoña"], weight: 3),
        Culture(surnames: ["Lefèvre", "Dubois", "Bélanger", "D'Souza", "N'Diaye"],
                male: ["François", "Jean-Luc", "Gaël", "Amadou"], female: ["Hélène", "Anaïs", "Aïssatou"], weight: 3),
        Culture(surnames: ["Müller", "Straße", "Schröder", "Weiß", "Søndergaard", "Bjørnsen", "Ångström"],
                male: ["Jürgen", "Søren", "Bjørn", "Björn"], female: ["Åsa", "Jördis", "Sønnøve"], weight: 3),
        Culture(surnames: ["Yılmaz", "Çelik", "Şahin", "Öztürk", "Doğan"],
                male: ["Ahmet", "Mehmet", "İbrahim", "Uğur"], female: ["Ayşe", "Gülşen", "Özlem"], weight: 3),
        Culture(surnames: ["Okonkwo", "Adébáyọ̀", "Okafor", "Eze", "Nwosu", "Adeyemi", "Ogunleye", "Babatunde"],
                male: ["Chukwuemeka", "Oluwaseun", "Tunde", "Emeka", "Femi", "Chidi", "Obinna"],
                female: ["Adaeze", "Ngozi", "Funmilayo", "Chioma"], weight: 4),
        Culture(surnames: ["Mensah", "Owusu", "Osei", "Boateng", "Asante", "Appiah"],
                male: ["Kwame", "Kofi", "Yaw", "Kwabena", "Kojo"], female: ["Ama", "Akosua", "Abena"], weight: 2),
        Culture(surnames: ["Abdi", "Mohamed", "Hassan", "Warsame", "Farah", "Jama", "Omar", "Ali"],
                male: ["Abdirahman", "Abdullahi", "Mohamud", "Yusuf", "Liban"], female: ["Fadumo", "Hodan", "Amina"],
                weight: 2),
        Culture(surnames: ["Campbell-Brown", "Thomas", "Francis", "Grant", "Henry", "Clarke", "Douglas", "Morrison"],
                male: ["Delroy", "Leon", "Marcus", "Tyrone", "Andre", "Jermaine"], female: ["Shanice", "Kerry-Ann", "Monique"],
                weight: 3),
        Culture(surnames: ["Khan", "Hussain", "Ahmed", "Chaudhry", "Iqbal", "Malik", "Rashid", "Akhtar", "Shah",
                           "Mahmood", "Qureshi", "Butt"],
                male: ["Imran", "Mohammed", "Asif", "Tariq", "Zahid", "Kamran", "Usman", "Bilal", "Adnan", "Faisal"],
                female: ["Nusrat", "Sadia", "Ayesha", "Shazia", "Rubina"], weight: 5),
        Culture(surnames: ["Patel", "Singh", "Sharma", "Gill", "Sandhu", "Kaur", "Mistry", "Chauhan", "Dhillon"],
                male: ["Rajesh", "Harpreet", "Arjun", "Sanjay", "Gurpreet", "Vikram", "Manjit", "Sunil"],
                female: ["Priya", "Simran", "Anjali", "Rupinder"], weight: 4),
        Culture(surnames: ["Rahman", "Begum", "Miah", "Uddin", "Islam", "Hoque"],
                male: ["Abdul", "Shahid", "Jamal", "Rafiq"], female: ["Nazma", "Rokeya"], weight: 2),
        Culture(surnames: ["王", "李", "张", "陈"], male: ["伟", "强", "建国"], female: ["秀英", "芳", "丽"], weight: 2),
        Culture(surnames: ["Nguyễn", "Trần", "Phạm"], male: ["Văn An", "Đức"], female: ["Thị Hương", "Ngọc"],
                weight: 2),
        Culture(surnames: ["Παπαδόπουλος", "Papadopoulos", "Georgiou"], male: ["Γιώργος", "Nikos"],
                female: ["Ελένη", "Maria"], weight: 1),
        Culture(surnames: ["Иванов", "Petrov", "Kovalenko"], male: ["Дмитрий", "Oleksandr"], female: ["Ольга", "Iryna"],
                weight: 1),
    ]

    /// Cumulative weights for picking a culture.
    static let cumulativeWeights: [Int] = {
        var total = 0
        return cultures.map { total += $0.weight; return total }
    }()

    static func culture(_ random: inout DemoRandom) -> Culture {
        let roll = random.int(1...cumulativeWeights.last!)
        let index = cumulativeWeights.firstIndex { roll <= $0 } ?? 0
        return cultures[index]
    }

    /// Staff names (for demo users).
    static let staffForenames = ["Alex", "Sam", "Jo", "Chris", "Priya", "Tomasz", "Aisha", "Gareth", "Niamh", "Kwame",
                                 "Helen", "Rob", "Fatima", "Dev", "Morag", "Ioan"]
    static let staffSurnames = ["Archer", "Bhatt", "Carver", "Doyle", "Ellis", "Fenwick", "Gill", "Hart", "Iqbal",
                                "Jenkins", "Kaur", "Lowe", "Mensah", "Nolan", "Owen", "Price"]
}
