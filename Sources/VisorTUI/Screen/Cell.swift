/// One column of the screen: a grapheme, the role it is drawn in, and the
/// role of the surface painted beneath it.
///
/// A double-width grapheme occupies two cells: its own, and a continuation cell
/// to its right that holds no text of its own and is skipped when drawing.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown in this column (a space when empty).
    public var character: Character = " "
    /// The semantic role that picks the text's colours and attributes.
    public var role: ThemeRole = .normal
    /// The role of the last `fill` under this cell (normal until something is
    /// filled): where `role` has no background of its own, this one shows
    /// (`Theme.style(for:over:)`), so text in a dialog keeps the dialog's colour.
    public var surface: ThemeRole = .normal
    /// True for the right half of a double-width grapheme.
    public var isContinuation: Bool = false

    /// A blank cell painted in the given role, as `ScreenGrid.fill` leaves it.
    public static func blank(_ role: ThemeRole = .normal) -> Cell {
        Cell(character: " ", role: role, surface: role)
    }
}
