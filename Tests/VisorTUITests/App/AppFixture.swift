import Foundation
import GRDB
import Synchronization
import Testing
import VisorDomain
import VisorDemo
import VisorRegister
@testable import VisorStore
@testable import VisorTUI

/// One demonstration register of 2,000 nominals per test process, built on
/// first use in a temporary folder (removed at exit) and shared by every
/// application test.
///
/// Made cheap to sign in to: the named users' scrypt hashes (N = 2^14, r = 8,
/// p = 5, about a second each in a debug build) are replaced by a hash of the
/// same password `demo` at N = 2^10, r = 8, p = 1 (made by Python's
/// `hashlib.scrypt`), so that every test can sign in through the keys.
/// It adds a user who has not acknowledged the instruction, and nominals with
/// wide and accented names sharing one date of birth, for the column fixture.
enum AppFixture {
    static let today = LocalDate(year: 2026, month: 11, day: 25)!
    static let clock = FixedClock(date: today)
    static let password = "demo"
    /// New starters in London who must acknowledge the instruction at first
    /// sign-in: one for the key script that acknowledges, one for the snapshot.
    static let newStarters = ["nia", "noel"]
    /// The CRN of the nominal whose record the snapshots open: one written
    /// here (not by the demo's generator) with partners, an alias, entries and
    /// a MAPP meeting, so that its snapshots stay put when the demo changes;
    /// no other test opens it.
    static let recordSnapshotCRN = "Z999901"
    /// The check character of that nominal's PNC ID, 1997/0099901.
    static let snapshotPNCCheck = PNCID.checkCharacter(year: 1997, serial: 99_901)
    /// The date of birth shared by the wide-character nominals, and no demo nominal; the
    /// last name is too long for its column at either size, so a wide letter meets the cut.
    static let wideDateOfBirth = LocalDate(year: 1999, month: 12, day: 31)!
    static let wideNames: [(surname: String, forenames: String)] = [
        ("Carter", "Zoë"), ("Ó'Brien", "Dónal"), ("Wójcik", "Łukasz"), ("王", "秀英"), ("Fox", "🦊 Sam"),
        ("Smith", "John"), ("欧阳", "修文修文修文修文修文修文修文修文修文修文"),
    ]

    /// scrypt("demo", salt 00 01 … 0F, N = 2^10, r = 8, p = 1), in PasswordHasher's stored form.
    private static let cheapDemoHash = "scrypt$10$8$1$AAECAwQFBgcICQoLDA0ODw==$3dW5RTjYE1LJ4bMY0NYiVPSL4phSrfio/WA9eRfugoM="

    private static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("visor-tui-tests-\(getpid())", isDirectory: true).path

    private static let built: Result<AppDatabase, any Error> = Result {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: AppFixture.folderForCleanup) }
        let path = folder + "/demo.sqlite"
        _ = try AppDatabase.createDemo(path: path, nominals: 2_000, seed: 2009, today: today, clock: clock)
        let database = try AppDatabase.open(path: path, clock: clock)
        try database.write { db in
            try db.execute(sql: "UPDATE user_account SET password_hash = ? WHERE password_hash LIKE 'scrypt$%'",
                           arguments: [cheapDemoHash])
            let london = try Int64.fetchOne(db, sql: "SELECT id FROM agency WHERE name = 'London'") ?? 0
            let created = LondonTime.instant(today.adding(days: -2), hour: 9)
            for (index, username) in newStarters.enumerated() {
                _ = try UserRows.insert(
                    db, username: username, fullName: "New Starter \(index + 1)", agencyID: london,
                    staffID: "LDN099\(index)", passwordHash: cheapDemoHash, roles: [.offenderManager],
                    clearance: Clearance(kind: .bscCRB, grantedOn: today.adding(days: -2),
                                         expiresOn: today.adding(days: 900)),
                    createdAt: created, createdOn: today.adding(days: -2), acknowledgedAt: nil)
            }
            for (index, name) in wideNames.enumerated() {
                var row = NominalRecord(Nominal(
                    id: 0, surname: name.surname, forenames: name.forenames, dateOfBirth: wideDateOfBirth, gender: .male,
                    category: .two, level: MAPPALevel(rawValue: 1 + index % 3)!, ownerAgencyID: london,
                    custody: .community, orderType: .licence, source: .demo, createdOn: today), updatedAt: created)
                try row.insertWithKeys(db)
            }
        }
        try database.write { db in try writeSnapshotRecord(db) }
        // The rows above were written directly, not through the store's changes: the kept actions are
        // made from them once, or what the screens show would depend on which test signed in first.
        try database.rebuildKeptActions()
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [pristinePath])
        }
        return database
    }

    /// QUENNELL, Hester Anne: London's, in custody at HMP Belmarsh, with the
    /// Metropolitan Police Service as full partner and HMP Belmarsh restricted.
    private static func writeSnapshotRecord(_ db: Database) throws {
        func agency(_ name: String) throws -> Int64 {
            try Int64.fetchOne(db, sql: "SELECT id FROM agency WHERE name = ?", arguments: [name]) ?? 0
        }
        let london = try agency("London"), met = try agency("Metropolitan Police Service")
        let belmarsh = try agency("HMP Belmarsh")
        let manager = try Int64.fetchOne(db, sql: "SELECT id FROM user_account WHERE username = ?",
                                         arguments: [newStarters[0]])
        func day(_ offset: Int) -> LocalDate { today.adding(days: offset) }
        func at(_ offset: Int, _ hour: Int) -> Date { LondonTime.instant(day(offset), hour: hour) }
        var row = NominalRecord(Nominal(
            id: 0, surname: "Quennell", forenames: "Hester Anne", dateOfBirth: LocalDate(iso: "1979-06-14")!,
            gender: .female, ethnicity: .w1, pncID: PNCID(year: 1997, serial: 99_901),
            crn: try CRN(parsing: recordSnapshotCRN), category: .two, level: .three, levelSince: day(-200),
            ownerAgencyID: london, managerUserID: manager, managerAssignedOn: day(-200), custody: .inCustody,
            establishmentID: belmarsh, custodyStart: day(-400), releaseDate: day(150), releaseDateType: .actual,
            mappEntryDate: day(-200), orderType: .licence, homeForceID: met, probationAreaID: london, rosh: .high,
            roshDate: day(-30), source: .demo, createdOn: day(-200)), dutyChangedOn: day(-200), updatedAt: at(-200, 9))
        try row.insert(db)
        let id = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO nominal_alias (nominal_id, surname, forenames) VALUES (?, 'Quenell', 'Hetty')",
                       arguments: [id])
        try NameKeys.insert(db, nominalID: id, surname: "Quennell", forenames: "Hester Anne",
                            aliases: [(surname: "Quenell", forenames: "Hetty")])
        for (agencyID, restricted, offset) in [(met, false, -190), (belmarsh, true, -120)] {
            try db.execute(sql: """
                INSERT INTO partnership (nominal_id, agency_id, restricted, state, started_at) VALUES (?, ?, ?, 'active', ?)
                """, arguments: [id, agencyID, restricted, at(offset, 10)])
        }
        let entries: [(String, String, String?, Bool, Int)] = [
            ("risk_assessment", "OASys completed: risk of serious harm high to a known adult; protective factors "
                + "noted in the sentence plan.", nil, true, -30),
            ("intelligence", "Letters to the victim's address attempted through a third party; prison security informed.",
             "B2", false, -12),
            ("contact", "Pre-release planning visit at HMP Belmarsh; approved premises referral made.", nil, false, -3),
        ]
        for (kind, text, grading, released, offset) in entries {
            try db.execute(sql: """
                INSERT INTO entry (nominal_id, agency_id, author_id, kind, text, grading, released, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, london, manager, kind, text, grading, released, at(offset, 11)])
        }
        try db.execute(sql: """
            INSERT INTO mapp_meeting (nominal_id, held_on, level, minutes, plan, next_review_on) VALUES (?, ?, 3, ?, ?, ?)
            """, arguments: [id, day(-40), "Level 3 meeting with police, probation and prison: release plan agreed.",
                             "Approved premises on release; exclusion zone around the victim's home; weekly police visits.",
                             day(16)])
    }

    private static let folderForCleanup = folder

    /// Partner requests as the queue would list them, fixed here so that the
    /// snapshots do not change with the demo's generator: two incoming (one
    /// late), one outgoing.
    static let queueItems: [QueueItem] = [
        QueueItem(requestID: 9_001, nominalID: 9_001, direction: .incoming, nominalName: "QUENNELL, Hester Anne",
                  agencyName: "HMP Belmarsh", requestedOn: today.adding(days: -9), due: today.adding(days: -2),
                  reason: "Release in five months; the prison holds her.", mayAnswer: true),
        QueueItem(requestID: 9_002, nominalID: 9_002, direction: .incoming, nominalName: "WÓJCIK, Łukasz",
                  agencyName: "Metropolitan Police Service", requestedOn: today.adding(days: -1),
                  due: today.adding(days: 4), reason: "Category 2 level 3: the police partner R6 requires.",
                  mayAnswer: true),
        QueueItem(requestID: 9_003, nominalID: 9_003, direction: .outgoing, nominalName: "王, 秀英",
                  agencyName: "Kent Police", requestedOn: today.adding(days: -2), due: today.adding(days: 3),
                  reason: "Moved to London on licence."),
    ]

    /// The shared register.
    static func database() throws -> AppDatabase { try built.get() }

    /// The first nominal id `sql` selects from `database`.
    static func nominalID(_ database: AppDatabase, _ sql: String,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> Int64 {
        try #require(try database.read { db in try Int64.fetchOne(db, sql: sql) }, sourceLocation: sourceLocation)
    }

    /// A register of the test's own, copied from the shared one, for scripts that change data
    /// (the shared one must stay as the snapshots expect it). Removed at exit with the folder.
    /// The fixture as built, before any test changed it: what snapshots are taken of (the counts on
    /// screen come from the register, and other tests sign in, acknowledge and answer requests).
    private static let pristinePath = folder + "/pristine.sqlite"

    /// A copy of the fixture as built, for a test of its own.
    static func pristineCopy(clock: any VisorClock = clock) throws -> AppDatabase {
        _ = try database()
        let path = folder + "/pristine-\(UUID().uuidString).sqlite"
        try FileManager.default.copyItem(atPath: pristinePath, toPath: path)
        return try AppDatabase.open(path: path, clock: clock)
    }

    static func privateCopy(clock: any VisorClock = clock) throws -> AppDatabase {
        let path = folder + "/copy-\(UUID().uuidString).sqlite"
        try database().writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [path]) }
        return try AppDatabase.open(path: path, clock: clock)
    }
}

/// A clock the test moves: for the idle lock.
final class TestClock: VisorClock {
    private let instant: Mutex<Date>

    init(_ start: Date = AppFixture.clock.instant) { instant = Mutex(start) }

    func now() -> Date { instant.withLock { $0 } }

    func advance(minutes: Double) { instant.withLock { $0 = $0.addingTimeInterval(minutes * 60) } }
}

@MainActor
extension AppCore {
    /// A core on the shared register at a terminal size, on the sign-in screen. No rules timer runs:
    /// the tests post what background work would (`inbox`) and drain it themselves.
    static func onLoginScreen(width: Int = 80, height: Int = 24, clock: any VisorClock = AppFixture.clock,
                              prefilledUser: String? = nil, database: AppDatabase? = nil) throws -> AppCore {
        let core = AppCore(database: try database ?? AppFixture.database(), policy: .standard, clock: clock,
                           options: AppOptions(prefilledUser: prefilledUser, backgroundWork: false))
        core.handle(.resize(width: width, height: height))
        return core
    }

    /// A core signed in through the keys (user name, Enter, password, Enter), showing the list.
    static func signedIn(as username: String = "spo", width: Int = 80, height: Int = 24,
                         clock: any VisorClock = AppFixture.clock, database: AppDatabase? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> AppCore {
        let core = try onLoginScreen(width: width, height: height, clock: clock, database: database)
        core.signIn(username, password: AppFixture.password)
        try #require(core.screen == .main, "not signed in: \(core.lines.joined(separator: "\n"))",
                     sourceLocation: sourceLocation)
        return core
    }

    /// A core signed in on a private copy of the register (for a test that changes it), and that copy.
    static func signedInOnPrivateCopy(as username: String, width: Int, height: Int,
                                      sourceLocation: SourceLocation = #_sourceLocation) throws -> (AppCore, AppDatabase) {
        let database = try AppFixture.privateCopy()
        let core = try signedIn(as: username, width: width, height: height, database: database, sourceLocation: sourceLocation)
        return (core, database)
    }

    /// Types a user name and password on the sign-in screen and runs the pending sign-in.
    func signIn(_ username: String, password: String) {
        type(username)
        press(.enter)
        type(password)
        press(.enter)
        completePendingWork()
    }

    /// Opens the partner queue (3) and moves to its first incoming request this user may answer; returns it.
    @discardableResult
    func selectFirstAnswerableRequest(sourceLocation: SourceLocation = #_sourceLocation) throws -> QueueItem {
        press(.character("3"))
        let index = try #require(queue.shown.firstIndex { $0.direction == .incoming && $0.mayAnswer },
                                 sourceLocation: sourceLocation)
        press(.character("j"), times: index)
        return try #require(queue.selectedItem, sourceLocation: sourceLocation)
    }

    /// Presses keys in order.
    func press(_ keys: Key...) { for key in keys { handle(.key(key)) } }

    /// Presses a key `count` times.
    func press(_ key: Key, times count: Int) { for _ in 0..<count { handle(.key(key)) } }

    /// Types text one character at a time.
    func type(_ text: String) { for character in text { handle(.key(.character(character))) } }

    /// A mouse action at a cell.
    func mouse(_ kind: MouseEvent.Kind, x: Int, y: Int) { handle(.mouse(MouseEvent(kind: kind, x: x, y: y))) }

    /// The screen's text, one string per row.
    var lines: [String] { render().grid.lines() }

    /// The screen's text as one string.
    var screenText: String { lines.joined(separator: "\n") }

    /// The rows of a pane's rectangle, cut out of the screen (borders included).
    func paneLines(_ pane: PaneID) -> [String] {
        guard let rect = layout?.panes[pane] else { return [] }
        let grid = render().grid
        return (rect.y..<rect.maxY).map { y in
            var text = ""
            for x in rect.x..<rect.maxX where !grid[x: x, y: y].isContinuation { text.append(grid[x: x, y: y].character) }
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The visible list rows' names, as the store gave them (not the screen).
    var visibleListNames: [String] {
        Array(list.rows.dropFirst(list.top).prefix(listVisibleRows)).map(\.displayName)
    }
}

@MainActor
extension AppCore {
    /// The pane drawn with the focused border, read from the screen.
    var focusedPaneOnScreen: PaneID? {
        guard let layout else { return nil }
        let grid = render().grid
        let focused = layout.panes.filter { grid[x: $0.value.x, y: $0.value.y].role == .focusedBorder }
        return focused.count == 1 ? focused.first?.key : nil
    }

    /// The text of the list row drawn in the selected-row role, read from the screen.
    var highlightedListLine: String? {
        guard let rect = layout?.panes[.list] else { return nil }
        let grid = render().grid
        for y in rect.y + 2..<rect.maxY - 1 {
            let role = grid[x: rect.x + 2, y: y].role
            guard role == .selectedRow || role == .selectedRowUnfocused else { continue }
            var text = ""
            for x in rect.x + 1..<rect.maxX - 1 where !grid[x: x, y: y].isContinuation {
                text.append(grid[x: x, y: y].character)
            }
            // Without the overdue (!) or due (•) mark the row may begin with.
            let line = text.trimmingCharacters(in: .whitespaces)
            return line.first == "!" || line.first == "•" ? String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
                : line
        }
        return nil
    }

    /// The status line's text.
    var statusLineText: String { lines.last ?? "" }
}
