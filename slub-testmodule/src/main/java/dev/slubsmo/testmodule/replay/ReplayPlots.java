package dev.slubsmo.testmodule.replay;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A replay's charts, each as PNG (JFreeChart) and SVG (JFreeSVG): slab pages over trace time, one
 * line per policy ending in the state after its final step; and slabs by fill, at the end of the
 * trace and after each policy's final step, on a log scale so the few sparse slabs show beside the
 * many full ones.
 */
public final class ReplayPlots {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 600;

  private ReplayPlots() {}

  /** Writes the charts into {@code dir}, creating it; returns the files written. */
  public static List<Path> write(ReplayResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    files.addAll(save(slabPages(r), dir, "slab-pages"));
    files.addAll(save(occupancy(r), dir, "occupancy"));
    return files;
  }

  static JFreeChart slabPages(ReplayResult r) {
    XYSeriesCollection lines = new XYSeriesCollection();
    for (PolicyResult p : r.policies()) {
      XYSeries s = new XYSeries(p.label(), false, true);
      long[] t = p.timelineNanos();
      long[] pages = p.timelinePages();
      for (int i = 0; i < t.length; i++) {
        s.add(t[i] / 1e9, pages[i]);
      }
      lines.addSeries(s);
    }
    return ChartFactory.createXYLineChart(
        "Slab pages over trace time: " + r.trace(),
        "trace time (s)",
        "slab pages (4 KiB)",
        lines,
        PlotOrientation.VERTICAL,
        true,
        false,
        false);
  }

  static JFreeChart occupancy(ReplayResult r) {
    DefaultCategoryDataset bars = new DefaultCategoryDataset();
    PolicyResult first = r.policies().get(0);
    addOccupancy(bars, "end of trace", first.occupancyEnd());
    for (PolicyResult p : r.policies()) {
      if (p.setup().policy().kind() != Policy.Kind.NONE) {
        addOccupancy(bars, "after " + p.label(), p.occupancyAfter());
      }
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Slabs by fill, at the end of the trace and after each policy's last step",
            "objects in use / objects per slab",
            "slabs",
            bars,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    LogAxis slabs = new LogAxis("slabs (log scale)");
    slabs.setSmallestValue(0.5);
    chart.getCategoryPlot().setRangeAxis(slabs);
    return chart;
  }

  private static void addOccupancy(DefaultCategoryDataset bars, String series, long[] buckets) {
    for (int b = 0; b < buckets.length; b++) {
      bars.addValue(buckets[b], series, bucketLabel(b));
    }
  }

  /** {@code empty}, then {@code <=10%} ... {@code <=100%}. */
  static String bucketLabel(int bucket) {
    return bucket == 0 ? "empty" : "<=" + bucket * 10 + "%";
  }

  private static List<Path> save(JFreeChart chart, Path dir, String name) throws IOException {
    Path png = dir.resolve(name + ".png");
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    Path svg = dir.resolve(name + ".svg");
    Files.writeString(svg, g.getSVGDocument(), StandardCharsets.UTF_8);
    return List.of(png, svg);
  }
}
