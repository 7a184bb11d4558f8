package dev.slubsmo.mm;

/** Creates the CPUs of a machine. */
public final class Cpus {
  private Cpus() {}

  public static Cpu make(int id, int node) {
    return new Cpu(id, node);
  }
}
