import Foundation
import VisorTUI

/// The repository's `themes/` folder, found from this file's path.
func shippedThemesDirectory(filePath: String = #filePath) -> String {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // Themes
        .deletingLastPathComponent()  // VisorTUITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository
        .appendingPathComponent("themes").path
}

/// The shipped theme names the task requires.
let shippedThemeNames = ["default", "light", "high-contrast", "monochrome", "colour-blind"]

/// A fresh empty folder under the temporary directory.
func makeTemporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("visor-tui-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A loader that sees only the given environment and the repository's themes.
func isolatedLoader(_ environment: [String: String] = [:]) -> ThemeLoader {
    ThemeLoader(environment: environment, executablePath: nil, sourceThemesDirectory: shippedThemesDirectory())
}
