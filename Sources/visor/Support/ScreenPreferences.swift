import Foundation
import TOMLKit
import VisorDomain

/// One user's preferences for the screen, from `$XDG_CONFIG_HOME/visor/visor.toml`
/// (else `~/.config/visor/visor.toml`): `theme = "light"`, `mouse = false`.
/// The file changes how the screen looks and listens, never a rule: deadlines,
/// windows, clearance and lockout are the register's policy (`visor policy`), so
/// a policy section here is ignored with a warning saying where it belongs.
/// The command line's `--theme` and `--no-mouse` win over the file.
struct ScreenPreferences: Equatable {
    var theme: String?
    var mouse = true
    var warnings: [String] = []

    static let settings = ["theme", "mouse"]

    /// The preferences file for this environment, or nil without a home.
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        func absolute(_ value: String?) -> String? { value.flatMap { $0.hasPrefix("/") ? $0 : nil } }
        let config = absolute(environment["XDG_CONFIG_HOME"]) ?? absolute(environment["HOME"]).map { $0 + "/.config" }
        return config.map { $0 + "/visor/visor.toml" }
    }

    /// The preferences in the file at `path`; none (and no warning) when there is no file.
    static func load(path: String?) -> ScreenPreferences {
        guard let path, FileManager.default.fileExists(atPath: path) else { return ScreenPreferences() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return ScreenPreferences(warnings: ["\(path): cannot be read as UTF-8 text; preferences ignored"])
        }
        return parse(text, path: path)
    }

    static func parse(_ text: String, path: String) -> ScreenPreferences {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return ScreenPreferences(warnings: ["\(path): line \(error.source.begin.line): \(error.description); "
                + "preferences ignored"])
        } catch {
            return ScreenPreferences(warnings: ["\(path): \(error); preferences ignored"])
        }
        var preferences = ScreenPreferences()
        let policySections = Set(PolicyKey.all.map(\.section))
        for (key, value) in table {
            switch key {
            case "theme":
                if let name = value.string { preferences.theme = name } else {
                    preferences.warnings.append("\(path): theme: expected a theme name or file in quotes")
                }
            case "mouse":
                if let on = value.bool { preferences.mouse = on } else {
                    preferences.warnings.append("\(path): mouse: expected true or false")
                }
            case _ where policySections.contains(key):
                preferences.warnings.append("\(path): [\(key)] ignored: the rules' settings are the register's "
                    + "policy, the same for everyone (an administrator sets them with visor policy set)")
            default:
                preferences.warnings.append("\(path): \(key): unknown preference; known preferences are "
                    + settings.joined(separator: ", "))
            }
        }
        return preferences
    }
}
