import Testing

/// The tests that start programs (atelier, tmux) or drive readline: one at a
/// time, so that they neither wait on each other nor crowd the other tests.
@Suite(.serialized) enum ProgramTests {}
