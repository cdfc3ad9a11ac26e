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
                           "Jackson", "Clarke", "Smith-Jones", "Bowes-Lyon", "Hughes", "Edwards", "Turner", "Hill"],
                male: ["James", "John", "David", "Michael", "Paul", "Mark", "Daniel", "Thomas", "Jack", "Lee",
                       "Craig", "Wayne", "Gary", "Stephen", "Liam", "Ryan"],
                female: ["Sarah", "Emma", "Claire", "Lisa", "Mary-Jane", "Karen", "Zoë", "Chloë", "Rebecca", "Amy"],
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
        Culture(surnames: ["Okonkwo", "Adébáyọ̀", "Mensah", "Owusu", "Abdi", "Mohamed", "Osei"],
                male: ["Chukwuemeka", "Kwame", "Oluwaseun", "Abdirahman"], female: ["Adaeze", "Ama", "Fadumo"],
                weight: 8),
        Culture(surnames: ["Khan", "Patel", "Singh", "Rahman", "Hussain", "Ahmed", "Chaudhry", "Begum"],
                male: ["Imran", "Mohammed", "Rajesh", "Harpreet", "Arjun"], female: ["Priya", "Nusrat", "Sadia"],
                weight: 10),
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
