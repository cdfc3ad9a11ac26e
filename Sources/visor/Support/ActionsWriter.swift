import VisorDomain
import VisorRegister
import VisorStore
import VisorTUI

/// Writes `visor actions` as the store reads them, in one format, in constant memory: JSON and CSV
/// exactly as `Output.list` writes other lists; a table with its columns sized from what the
/// register can hold (its longest agency and user names, its largest nominal id), not from the
/// rows, so that the first line is written before the last is read.
struct ActionsWriter: ~Copyable {
    struct Widths {
        var agency: Int
        var user: Int
        var nominal: Int

        static let fixed = (rule: 4, state: 8, due: 10, crn: 7, pncID: 13)
    }

    private let format: OutputFormat
    private let widths: Widths
    private var out = ByteOutput()
    private(set) var count = 0

    init(format: OutputFormat, widths: Widths) {
        self.format = format
        self.widths = widths
    }

    /// Column widths for `names` (every agency and user of the register) and nominal ids up to `largestNominal`.
    static func widths(names: ActionNames, largestNominal: NominalID?) -> Widths {
        Widths(agency: max(DisplayWidth.of("agency"), names.agencyNames.map { DisplayWidth.of(TerminalText.escaped($0)) }.max() ?? 0),
               user: max(DisplayWidth.of("user"), names.usernames.map { DisplayWidth.of(TerminalText.escaped($0)) }.max() ?? 0),
               nominal: max(DisplayWidth.of("nominal"), String(largestNominal ?? 0).count))
    }

    mutating func begin() {
        switch format {
        case .json: out.append("[")
        case .csv: out.append(ActionsCommand.keys.joined(separator: ",") + "\n")
        case .table:
            let fixed = Widths.fixed
            let header = zip(ActionsCommand.keys, [fixed.rule, fixed.state, fixed.due, widths.agency, widths.user,
                                                  widths.nominal, fixed.crn, fixed.pncID, 0])
                .map { $1 > 0 ? DisplayWidth.pad($0, to: $1) : $0 }.joined(separator: "  ")
            out.append(header + "\n")
        }
    }

    mutating func write(_ action: ActionFields) {
        switch format {
        case .json: json(action)
        case .csv: csv(action)
        case .table: table(action)
        }
        count += 1
    }

    mutating func end() {
        switch format {
        case .json: out.append(count == 0 ? "]\n" : "\n]\n")
        case .csv: break
        case .table: if count == 0 { out.append("(none)\n") }
        }
        out.flush()
    }

    /// The JSON object's fixed parts as bytes, made once.
    private enum JSONParts {
        static let firstRule = Array("\n  {\"rule\": \"R".utf8)
        static let nextRule = Array(",\n  {\"rule\": \"R".utf8)
        static func state(_ state: ActionState) -> [UInt8] { Array("\", \"state\": \"\(state.rawValue)\", \"due\": ".utf8) }
        static let overdue = state(.overdue), due = state(.due), upcoming = state(.upcoming)
        static let agency = Array(", \"agency\": ".utf8)
        static let user = Array(", \"user\": ".utf8)
        static let nominal = Array(", \"nominal\": ".utf8)
        static let crn = Array(", \"crn\": ".utf8)
        static let pncID = Array(", \"pnc_id\": ".utf8)
        static let summary = Array(", \"summary\": ".utf8)
        static let null = Array("null".utf8)
        static let close = Array("}".utf8)
    }

    private mutating func json(_ action: ActionFields) {
        out.append(bytes: count == 0 ? JSONParts.firstRule : JSONParts.nextRule)
        out.append(Int64(action.rule))
        switch action.state {
        case .overdue: out.append(bytes: JSONParts.overdue)
        case .due: out.append(bytes: JSONParts.due)
        case .upcoming: out.append(bytes: JSONParts.upcoming)
        }
        out.appendJSON(action.due)
        out.append(bytes: JSONParts.agency)
        out.appendJSON(action.agency)
        out.append(bytes: JSONParts.user)
        if let user = action.user { out.appendJSON(user) } else { out.append(bytes: JSONParts.null) }
        out.append(bytes: JSONParts.nominal)
        if let nominal = action.nominal { out.append(nominal) } else { out.append(bytes: JSONParts.null) }
        out.append(bytes: JSONParts.crn)
        if let crn = action.crn { out.appendJSON(crn) } else { out.append(bytes: JSONParts.null) }
        out.append(bytes: JSONParts.pncID)
        if let pncID = action.pncID { out.appendJSON(pncID) } else { out.append(bytes: JSONParts.null) }
        out.append(bytes: JSONParts.summary)
        out.appendJSON(action.summary)
        out.append(bytes: JSONParts.close)
    }

    private mutating func csv(_ action: ActionFields) {
        out.append("R")
        out.append(Int64(action.rule))
        out.append("," + action.state.rawValue + ",")
        out.appendCSV(action.due)
        out.append(",")
        out.appendCSV(action.agency)
        out.append(",")
        if let user = action.user { out.appendCSV(user) }
        out.append(",")
        if let nominal = action.nominal { out.append(nominal) }
        out.append(",")
        if let crn = action.crn { out.appendCSV(crn) }
        out.append(",")
        if let pncID = action.pncID { out.appendCSV(pncID) }
        out.append(",")
        out.appendCSV(action.summary)
        out.append("\n")
    }

    private mutating func table(_ action: ActionFields) {
        let fixed = Widths.fixed
        let rule = "R\(action.rule)"
        out.append(rule + String(repeating: " ", count: max(0, fixed.rule - rule.count)) + "  ")
        out.append(action.state.rawValue + String(repeating: " ", count: fixed.state - action.state.rawValue.count) + "  ")
        out.appendCell(action.due, width: fixed.due)
        out.append("  ")
        out.appendCell(action.agency, width: widths.agency)
        out.append("  ")
        cell(action.user, width: widths.user)
        let nominal = action.nominal.map { String($0) } ?? ""
        out.append(nominal + String(repeating: " ", count: max(0, widths.nominal - nominal.count)) + "  ")
        cell(action.crn, width: fixed.crn)
        cell(action.pncID, width: fixed.pncID)
        out.appendCell(action.summary, width: 0)
        out.append("\n")
    }

    private mutating func cell(_ text: UnsafeBufferPointer<UInt8>?, width: Int) {
        if let text { out.appendCell(text, width: width) } else { out.append(String(repeating: " ", count: width)) }
        out.append("  ")
    }
}
