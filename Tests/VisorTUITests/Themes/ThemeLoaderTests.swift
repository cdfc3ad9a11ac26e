import Foundation
import Testing
@testable import VisorTUI

@Suite("Finding a theme by name or path")
struct ThemeLoaderTests {
    @Test("An unknown name gives the default theme and lists the names available")
    func unknownName() {
        let result = isolatedLoader().load("solarised")
        #expect(result.theme == Theme.default)
        #expect(result.warnings == [
            #"theme "solarised" not found; available themes: colour-blind, default, high-contrast, light, monochrome (or give a path to a .toml file)"#,
        ])
    }

    @Test("No theme asked for, and none installed: the compiled-in default, silently")
    func compiledInDefault() {
        let loader = ThemeLoader(environment: ["XDG_DATA_DIRS": "/nonexistent"], executablePath: nil, sourceThemesDirectory: nil)
        #expect(loader.load(nil) == ThemeLoadResult(theme: .default))
    }

    @Test("A path is read directly; a missing one is reported")
    func paths() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/mine.toml"
        try "name = \"mine\"\n[title]\nunderline = true\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = isolatedLoader().load(path)
        #expect(result.theme.name == "mine" && result.warnings.isEmpty && result.path == path)
        let missing = isolatedLoader().load(dir + "/nope.toml")
        #expect(missing.theme == Theme.default)
        #expect(missing.warnings == ["theme \(dir)/nope.toml: no such file"])
    }

    @Test("The user's config folder comes first, then the XDG data folders")
    func searchOrder() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/config/visor/themes", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/data/visor/themes", withIntermediateDirectories: true)
        try "name = \"user light\"\n".write(toFile: dir + "/config/visor/themes/light.toml", atomically: true, encoding: .utf8)
        try "name = \"data only\"\n".write(toFile: dir + "/data/visor/themes/dataonly.toml", atomically: true, encoding: .utf8)
        let loader = isolatedLoader(["XDG_CONFIG_HOME": dir + "/config", "XDG_DATA_DIRS": "relative/ignored:" + dir + "/data"])
        #expect(loader.load("light").theme.name == "user light")
        #expect(loader.load("dataonly").theme.name == "data only")
        #expect(loader.load("monochrome").theme.name == "monochrome")
        #expect(loader.searchDirectories() == [
            dir + "/config/visor/themes", dir + "/data/visor/themes", shippedThemesDirectory(),
        ])
    }

    @Test("Defaults: ~/.config, beside the executable, /usr/local/share and /usr/share")
    func defaultDirectories() {
        let loader = ThemeLoader(environment: ["HOME": "/home/ann"], executablePath: "/opt/visor/bin/visor", sourceThemesDirectory: nil)
        #expect(loader.searchDirectories() == [
            "/home/ann/.config/visor/themes", "/opt/visor/bin/themes", "/opt/visor/share/visor/themes",
            "/usr/local/share/visor/themes", "/usr/share/visor/themes",
        ])
    }

    @Test("NO_COLOR drops every colour and keeps the attributes; empty NO_COLOR does not")
    func noColor() {
        let plain = isolatedLoader(["NO_COLOR": "1"]).load("default").theme
        #expect(!plain.usesColour)
        #expect(plain.style(for: .overdue) == ThemeStyle(bold: true))
        #expect(plain.style(for: .selectedRow) == ThemeStyle(bold: true, reverse: true))
        #expect(plain.style(for: .statusLine) == ThemeStyle(reverse: true), "a background highlight becomes reverse video")
        #expect(isolatedLoader(["NO_COLOR": ""]).load("default").theme == Theme.default)
        #expect(!isolatedLoader(["NO_COLOR": "yes"]).load("/nonexistent.toml").theme.usesColour)
    }
}
