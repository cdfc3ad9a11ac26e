import TOMLKit

/// Reads a theme file: a top-level `name` and one table per role, e.g.
/// `[overdue]` with `foreground = "red"` and `bold = true`.
///
/// Any problem rejects the whole file: a half-applied theme could leave a role
/// unreadable, so the caller falls back to the default theme and warns instead.
enum ThemeParser {
    /// The keys a role table may hold.
    static let colourKeys = ["foreground", "background"]
    static let attributeKeys = ["bold", "underline", "reverse", "dim", "italic"]

    /// The theme's name (if the file gives one) and the styles of the roles it defines.
    static func parse(_ text: String) throws(ThemeFileProblem) -> (name: String?, styles: [ThemeRole: ThemeStyle]) {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeFileProblem(line: error.source.begin.line, key: nil, message: error.description)
        } catch {
            throw ThemeFileProblem(line: nil, key: nil, message: "\(error)")
        }
        let locate = TOMLLineLocator(text: text)
        var name: String?
        var styles: [ThemeRole: ThemeStyle] = [:]
        for (key, value) in root {
            if key == "name" {
                guard let string = value.string else {
                    throw ThemeFileProblem(line: locate.line(table: nil, key: key), key: key,
                                           message: "expected a string, found \(describe(value.type))")
                }
                name = string
                continue
            }
            guard let role = ThemeRole(rawValue: key) else {
                let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw ThemeFileProblem(line: locate.line(table: key, key: nil), key: key,
                                       message: "unknown role (known roles: \(known))")
            }
            guard let table = value.table else {
                throw ThemeFileProblem(line: locate.line(table: nil, key: key), key: key,
                                       message: "expected a table like [\(key)], found \(describe(value.type))")
            }
            styles[role] = try style(of: table, role: key, locate: locate)
        }
        return (name, styles)
    }

    private static func style(of table: TOMLTable, role: String, locate: TOMLLineLocator) throws(ThemeFileProblem) -> ThemeStyle {
        var style = ThemeStyle()
        for (key, value) in table {
            func problem(_ message: String) -> ThemeFileProblem {
                ThemeFileProblem(line: locate.line(table: role, key: key), key: "\(role).\(key)", message: message)
            }
            if colourKeys.contains(key) {
                let colour: ThemeColor
                if let string = value.string {
                    guard let parsed = ThemeColor(string) else {
                        throw problem("unknown colour \"\(string)\" (use default, a name such as red or bright_blue, #rrggbb, or 0-255)")
                    }
                    colour = parsed
                } else if let index = value.int {
                    guard (0...255).contains(index) else { throw problem("colour index \(index) is not in 0-255") }
                    colour = .indexed(index)
                } else {
                    throw problem("expected a colour name, #rrggbb or 0-255, found \(describe(value.type))")
                }
                if key == "foreground" { style.foreground = colour } else { style.background = colour }
            } else if attributeKeys.contains(key) {
                guard let flag = value.bool else { throw problem("expected true or false, found \(describe(value.type))") }
                switch key {
                case "bold": style.bold = flag
                case "underline": style.underline = flag
                case "reverse": style.reverse = flag
                case "dim": style.dim = flag
                default: style.italic = flag
                }
            } else {
                throw problem("unknown key (known keys: \((colourKeys + attributeKeys).joined(separator: ", ")))")
            }
        }
        return style
    }

    private static func describe(_ type: TOMLType) -> String {
        switch type {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "true/false"
        case .date, .time, .dateTime: "a date or time"
        }
    }
}
