import Foundation

/// Resolves `--theme NAME|PATH` to a theme, never failing: whatever goes wrong
/// yields the default theme and a warning that names the file and the problem.
///
/// A PATH (contains `/` or ends in `.toml`) is read directly. A NAME is looked
/// up as `NAME.toml` in `searchDirectories()`, user's first, then shipped ones.
public struct ThemeLoader: Sendable {
    /// The environment consulted for XDG_CONFIG_HOME, HOME, XDG_DATA_DIRS and NO_COLOR.
    public var environment: [String: String]
    /// The running executable, whose folder may hold the shipped themes.
    public var executablePath: String?
    /// The repository's `themes/` when running from a source checkout (`swift run`).
    public var sourceThemesDirectory: String?

    /// Creates a loader; the defaults describe the running process.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String? = ThemeLoader.currentExecutablePath(),
                sourceThemesDirectory: String? = ThemeLoader.sourceTreeThemesDirectory()) {
        self.environment = environment
        self.executablePath = executablePath
        self.sourceThemesDirectory = sourceThemesDirectory
    }

    /// Loads the theme named or located by `nameOrPath` (nil means `default`),
    /// then drops every colour if NO_COLOR is set and non-empty.
    public func load(_ nameOrPath: String?) -> ThemeLoadResult {
        var result = resolve(nameOrPath ?? "default")
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            result.theme = result.theme.withoutColours()
        }
        return result
    }

    /// Parses theme-file text; `path` only labels warnings. Missing roles take
    /// the default theme's style; any problem yields the default theme and a warning.
    public static func parse(_ text: String, path: String) -> ThemeLoadResult {
        do {
            let parsed = try ThemeParser.parse(text)
            let fallbackName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return ThemeLoadResult(theme: Theme(name: parsed.name ?? fallbackName, styles: parsed.styles), path: path)
        } catch {
            return ThemeLoadResult(theme: .default, warnings: [error.warning(path: path)])
        }
    }

    /// Where a theme NAME is looked for, in order: the user's config, beside the
    /// executable, the XDG data directories, then the source tree.
    public func searchDirectories() -> [String] {
        var directories: [String] = []
        if let config = absolute(environment["XDG_CONFIG_HOME"]) ?? absolute(environment["HOME"]).map({ $0 + "/.config" }) {
            directories.append(config + "/visor/themes")
        }
        if let executablePath {
            let folder = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
            directories.append(folder.appendingPathComponent("themes").path)
            directories.append(folder.appendingPathComponent("../share/visor/themes").standardizedFileURL.path)
        }
        let dataDirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        for dir in dataDirs.split(separator: ":") {
            if let dir = absolute(String(dir)) { directories.append(dir + "/visor/themes") }
        }
        if let sourceThemesDirectory { directories.append(sourceThemesDirectory) }
        var seen = Set<String>()
        return directories.filter { seen.insert($0).inserted }
    }

    /// Every theme name found in `searchDirectories()`, plus `default`, sorted.
    public func availableThemeNames() -> [String] {
        var names: Set<String> = ["default"]
        for dir in searchDirectories() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted()
    }

    /// The real path of the running executable (Linux: /proc/self/exe).
    public static func currentExecutablePath() -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath
    }

    /// The repository's `themes/` found from this source file's path, if it exists
    /// (only in a source checkout; an installed binary never finds it).
    public static func sourceTreeThemesDirectory(filePath: String = #filePath) -> String? {
        let root = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()  // Themes
            .deletingLastPathComponent()  // VisorTUI
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // repository
        let themes = root.appendingPathComponent("themes").path
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: themes, isDirectory: &isDirectory) && isDirectory.boolValue ? themes : nil
    }

    private func resolve(_ request: String) -> ThemeLoadResult {
        if request.contains("/") || request.hasSuffix(".toml") { return read(path: request) }
        for dir in searchDirectories() {
            let path = dir + "/" + request + ".toml"
            if FileManager.default.fileExists(atPath: path) { return read(path: path) }
        }
        if request == "default" { return ThemeLoadResult(theme: .default) }
        let names = availableThemeNames().joined(separator: ", ")
        return ThemeLoadResult(theme: .default, warnings: [
            "theme \"\(request)\" not found; available themes: \(names) (or give a path to a .toml file)",
        ])
    }

    private func read(path: String) -> ThemeLoadResult {
        guard FileManager.default.fileExists(atPath: path) else {
            return ThemeLoadResult(theme: .default, warnings: ["theme \(path): no such file"])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return ThemeLoadResult(theme: .default, warnings: ["theme \(path): cannot read the file (check its permissions)"])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ThemeLoadResult(theme: .default, warnings: ["theme \(path): not UTF-8 text"])
        }
        return Self.parse(text, path: path)
    }

    /// XDG paths must be absolute; relative ones are ignored, as the spec says.
    private func absolute(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/") else { return nil }
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
