import Testing

@Suite("The tmux harness itself", .tags(.tmux), .enabled(if: Tmux.isAvailable, Tmux.skipMessage))
struct TmuxSelfTests {
    @Test("Runs a program, reads UTF-8 text, types Enter, and sees the exit status")
    func roundTrip() throws {
        let session = try TmuxSession(["/bin/sh", "-c", #"printf "héllo 王\n"; read x; exit 3"#], width: 40, height: 10)
        defer { session.kill() }
        try session.waitFor(text: "héllo 王")
        #expect(try session.paneState().dead == false)
        try session.press("Enter")
        #expect(try session.waitForExit() == 3)
    }

    @Test("Resizes the pane, which the program sees")
    func resize() throws {
        let session = try TmuxSession(["/bin/sh", "-c", "while :; do stty size; sleep 0.05; done"],
                                      width: 40, height: 10)
        defer { session.kill() }
        try session.waitFor(text: "10 40")
        try session.resize(width: 30, height: 8)
        try session.waitFor(text: "8 30")
    }

    @Test("Passes the environment it is given and types literal text")
    func environmentAndTyping() throws {
        let session = try TmuxSession(["/bin/sh", "-c", #"printf "[%s]\n" "$VISOR_E2E"; read x; printf "<%s>\n" "$x"; read y"#],
                                      environment: ["VISOR_E2E": "Zoë"])
        defer { session.kill() }
        try session.waitFor(text: "[Zoë]")
        try session.type("Ó'Brien 王秀英")
        try session.press("Enter")
        try session.waitFor(text: "<Ó'Brien 王秀英>")
    }
}
