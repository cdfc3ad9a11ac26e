/// The canonical agencies of `spec/agencies.md`: what `visor init` and `visor demo` create.
public enum AgencyCatalog {
    public static let policeForces: [String] = [
        "Avon and Somerset Constabulary", "Bedfordshire Police", "Cambridgeshire Constabulary",
        "Cheshire Constabulary", "City of London Police", "Cleveland Police", "Cumbria Constabulary",
        "Derbyshire Constabulary", "Devon and Cornwall Police", "Dorset Police", "Durham Constabulary",
        "Dyfed-Powys Police", "Essex Police", "Gloucestershire Constabulary", "Greater Manchester Police",
        "Gwent Police", "Hampshire and Isle of Wight Constabulary", "Hertfordshire Constabulary",
        "Humberside Police", "Kent Police", "Lancashire Constabulary", "Leicestershire Police",
        "Lincolnshire Police", "Merseyside Police", "Metropolitan Police Service", "Norfolk Constabulary",
        "North Wales Police", "North Yorkshire Police", "Northamptonshire Police", "Northumbria Police",
        "Nottinghamshire Police", "South Wales Police", "South Yorkshire Police", "Staffordshire Police",
        "Suffolk Constabulary", "Surrey Police", "Sussex Police", "Thames Valley Police",
        "Warwickshire Police", "West Mercia Police", "West Midlands Police", "West Yorkshire Police",
        "Wiltshire Police",
    ]

    public static let probationAreas: [String] = [
        "North East", "North West", "Yorkshire and the Humber", "Greater Manchester", "East Midlands",
        "West Midlands", "East of England", "Wales", "London", "Kent, Surrey and Sussex", "South West",
        "South Central",
    ]

    public static let prisons: [String] = [
        "HMP Belmarsh", "HMP Wandsworth", "HMP Pentonville", "HMP Brixton", "HMP Wormwood Scrubs",
        "HMP Birmingham", "HMP Manchester", "HMP Leeds", "HMP Liverpool", "HMP Durham", "HMP Frankland",
        "HMP Full Sutton", "HMP Wakefield", "HMP Long Lartin", "HMP Whitemoor", "HMP Woodhill",
        "HMP Bristol", "HMP Cardiff", "HMP Swansea", "HMP & YOI Parc", "HMP Berwyn", "HMP Exeter",
        "HMP Dartmoor", "HMP Lewes", "HMP Elmley", "HMP Winchester", "HMP Nottingham", "HMP Lincoln",
        "HMP Norwich", "HMP & YOI Bronzefield", "HMP Styal",
    ]

    /// Every canonical agency as (kind, name), police first.
    public static var all: [(kind: AgencyKind, name: String)] {
        policeForces.map { (AgencyKind.police, $0) } + probationAreas.map { (AgencyKind.probation, $0) }
            + prisons.map { (AgencyKind.prison, $0) }
    }
}
