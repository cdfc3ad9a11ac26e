import Foundation
import Testing
@testable import VisorTUI

@Suite("Theme files: parsing and the warnings for broken ones")
struct ThemeFileTests {
    @Test("A broken value names the file, the line and the key, and falls back to the default")
    func unknownColour() {
        let text = "name = \"broken\"\n[overdue]\nforeground = \"reddish\"\nbold = true\n"
        let result = ThemeLoader.parse(text, path: "/x/broken.toml")
        #expect(result.theme == Theme.default)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.hasPrefix(#"theme /x/broken.toml: line 3: overdue.foreground: unknown colour "reddish""#) == true)
    }

    @Test("A TOML syntax error gives the parser's line")
    func syntaxError() {
        let result = ThemeLoader.parse("name = \"x\"\n\n[overdue\nbold = true\n", path: "/x/syntax.toml")
        #expect(result.theme == Theme.default)
        #expect(result.warnings.first?.hasPrefix("theme /x/syntax.toml: line 3: ") == true, "\(result.warnings)")
    }

    @Test("Unknown roles, unknown keys and wrong types are named", arguments: [
        ("[overdew]\nbold = true\n", "line 1: overdew: unknown role"),
        ("[overdue]\nblink = true\n", "line 2: overdue.blink: unknown key"),
        ("[overdue]\n\nbold = \"yes\"\n", "line 3: overdue.bold: expected true or false, found a string"),
        ("[overdue]\nforeground = 300\n", "line 2: overdue.foreground: colour index 300 is not in 0-255"),
        ("[overdue]\nforeground = true\n", "line 2: overdue.foreground: expected a colour name"),
        ("overdue = 3\n", "line 1: overdue: expected a table like [overdue], found an integer"),
        ("overdue.bold = 1\n", "line 1: overdue.bold: expected true or false, found an integer"),
        ("name = 7\n", "line 1: name: expected a string, found an integer"),
    ])
    func namedProblems(text: String, expected: String) {
        let result = ThemeLoader.parse(text, path: "/t.toml")
        #expect(result.theme == Theme.default)
        #expect(result.warnings.first?.hasPrefix("theme /t.toml: " + expected) == true, "\(result.warnings)")
    }

    @Test("Roles a file leaves out take the default theme's style")
    func partialTheme() {
        let result = ThemeLoader.parse("name = \"mine\"\n[overdue]\nforeground = \"#ff0000\"\nunderline = true\n", path: "/m.toml")
        #expect(result.warnings.isEmpty)
        #expect(result.theme.name == "mine")
        #expect(result.theme.style(for: .overdue) == ThemeStyle(foreground: .indexed(196), underline: true))
        for role in ThemeRole.allCases where role != .overdue {
            #expect(result.theme.style(for: role) == Theme.default.style(for: role))
        }
    }

    @Test("A file without a name key is named after the file")
    func nameFromFile() {
        #expect(ThemeLoader.parse("", path: "/a/b/solarised.toml").theme.name == "solarised")
    }
}
