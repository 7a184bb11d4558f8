package dev.slubsmo.smo;

/**
 * A cache's mobility callbacks ({@code s->isolate}, {@code s->migrate}): the kernel's batch form
 * ({@link MigrateFunc}) or the per-object form with answers ({@link ObjectMigrateFunc}); exactly
 * one of the two. {@code isolate} may be null.
 */
public record Mobility(
    IsolateFunc isolate, MigrateFunc migrate, ObjectMigrateFunc objectMigrate, String symbol) {
  public Mobility {
    if ((migrate == null) == (objectMigrate == null)) {
      throw new IllegalArgumentException("exactly one of migrate and objectMigrate is required");
    }
  }

  public static Mobility of(IsolateFunc isolate, MigrateFunc migrate, String symbol) {
    return new Mobility(isolate, migrate, null, symbol);
  }

  public static Mobility perObject(IsolateFunc isolate, ObjectMigrateFunc migrate, String symbol) {
    return new Mobility(isolate, null, migrate, symbol);
  }
}
