/// A command that sets its own glibc malloc arena count (``Tierscan/mallocArenas`` for the others;
/// `MALLOC_ARENA_MAX` in the environment still wins).
///
/// One arena keeps a scan's peak memory lowest, but every thread then takes the same lock for each
/// allocation: a phase that makes many small heap blocks on both cores at once waits on it. A
/// command with such a phase gives each thread an arena of its own.
protocol ChoosesMallocArenas {
  /// The most arenas glibc may create.
  static var mallocArenas: Int { get }
}
