import GRDB
import VisorDomain
import VisorRegister

/// How one list request is answered: its segments, who may see what, and the
/// extra name words checked in Swift after the index did the first one.
struct NominalListPlan {
    var segments: [ListSegment]
    /// SQL limiting rows to those the viewer may see ("1" when stubs may show).
    var scope: String
    /// The viewer's agency, or -1 for the operator.
    var agencyID: AgencyID
    var isOperator: Bool
    /// Folded words every row's names must also start with.
    var otherWords: [String]
    /// Every folded word typed, when a stub may show: a stub needs them to name the person whole.
    var typedWords: [String] = []
    /// True when rows the viewer may not see appear as stubs.
    var showsStubs: Bool
    /// The segments a count adds up: a plain list's orders all hold every visible row once, so it
    /// counts one segment of every row, whatever the order.
    var countSegments: [ListSegment]
    /// True when `scope` limits rows to the viewer's agency (owner or active partner).
    var isScoped: Bool { !(isOperator || showsStubs) }

    init(request: NominalListRequest, viewer: Viewer, agencies: [Agency], currentYear: Int) {
        agencyID = viewer.agencyID ?? -1
        isOperator = viewer.isOperator
        otherWords = []
        let query = SearchQuery.parse(request.search, currentYear: currentYear)
        showsStubs = !viewer.isOperator && viewer.hasWorkingRole && (query?.isExact ?? false)
        switch query {
        case nil:
            segments = ListSegments.segments(for: request.sort, agencies: agencies)
        case .identifier(let identifier)?:
            segments = ListSegments.segments(for: identifier)
        case .name(let words, let dateOfBirth)?:
            if showsStubs { typedWords = words }
            if let longest = words.max(by: { $0.count < $1.count }) {
                segments = ListSegments.segments(forName: longest, dateOfBirth: dateOfBirth)
                otherWords = words
                if let index = otherWords.firstIndex(of: longest) { otherWords.remove(at: index) }
            } else {
                segments = [ListSegment(condition: "n.date_of_birth = ?", arguments: [dateOfBirth?.iso],
                                        keys: ["n.sort_key"])]
            }
        }
        countSegments = query == nil ? [ListSegment(condition: "1", keys: [])] : segments
        if viewer.isOperator || showsStubs {
            scope = "1"
        } else {
            scope = """
                n.owner_agency_id = \(agencyID) OR EXISTS (SELECT 1 FROM partnership p
                    WHERE p.nominal_id = n.id AND p.agency_id = \(agencyID) AND p.state = 'active')
                """
        }
    }

    var columns: String {
        """
        n.id, n.surname, n.forenames, n.date_of_birth, n.mappa_category, n.mappa_level, n.owner_agency_id,
        owner.name AS owner_name, n.custody_status, n.release_date, n.crn, n.pnc_id, n.lifecycle,
        (SELECT p.restricted FROM partnership p WHERE p.nominal_id = n.id AND p.agency_id = \(agencyID)
            AND p.state = 'active') AS partner_restricted
        """
    }

    /// Converts a fetched row, hiding everything a stub must not show.
    func listRow(_ row: Row, segment: Int, keyCount: Int) -> NominalListRow {
        let owner: AgencyID = row["owner_agency_id"]
        let partnerRestricted: Bool? = row["partner_restricted"]
        let access: RecordAccess = isOperator || owner == agencyID ? .full
            : partnerRestricted.map { $0 ? .restricted : .full } ?? .stub
        let keys: [String] = (0..<keyCount).map { row["key\($0)"] ?? "" }
        let position = ListPosition(segment: segment, keys: keys, id: row["row_id"])
        let visible = access != .stub
        return NominalListRow(
            id: row["id"], surname: row["surname"], forenames: row["forenames"], dateOfBirth: row["date_of_birth"],
            category: visible ? row["mappa_category"] : nil, level: visible ? row["mappa_level"] : nil,
            ownerName: row["owner_name"], custody: visible ? row["custody_status"] : nil,
            releaseDate: visible ? row["release_date"] : nil, crn: visible ? row["crn"] : nil,
            pncID: visible ? row["pnc_id"] : nil, lifecycle: row["lifecycle"], access: access, position: position)
    }

    /// True when rows are filtered in Swift after the index found them, so a count must scan them.
    var filtersInSwift: Bool { !otherWords.isEmpty || !typedWords.isEmpty }

    /// True when the row passes the words typed: every other word starts one of its names, and a
    /// stub is shown only when the words name the person whole (`WholeName`).
    func passes(_ row: NominalListRow) -> Bool {
        guard matchesOtherWords(row) else { return false }
        // An identifier search (no words) shows its stub; a name must name the person whole.
        return row.access != .stub || typedWords.isEmpty
            || WholeName.matches(typedWords, surname: row.surname, forenames: row.forenames)
    }

    /// True when the row's names also start with every other word typed.
    func matchesOtherWords(_ row: NominalListRow) -> Bool {
        guard !otherWords.isEmpty else { return true }
        let keys = NameFolding.keys(of: row.surname) + NameFolding.keys(of: row.forenames)
        return otherWords.allSatisfy { word in keys.contains { $0.hasPrefix(word) } }
    }
}
