package dev.cascadeviz.layout;

import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.scenario.ScenarioException;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generated scenario files for layout tests: n classes in a foreign-key forest (each class after
 * the first few refers to one or two earlier ones, with the back_populates pair), a
 * self-referential class and many-to-manys through association tables. Read by the loader, so
 * every generated model is one the application accepts.
 */
public final class GeneratedModels {

    private GeneratedModels() {
    }

    public static Scenario model(int n, long seed) {
        Random random = new Random(seed);
        StringBuilder tables = new StringBuilder("tables:\n");
        StringBuilder classes = new StringBuilder("classes:\n");
        StringBuilder[] rels = new StringBuilder[n];
        for (int i = 0; i < n; i++) {
            rels[i] = new StringBuilder();
        }
        for (int i = 0; i < n; i++) {
            tables.append("  t").append(i).append(":\n    columns:\n");
            tables.append("      id: {type: integer, primary_key: true}\n");
            tables.append("      name: {type: string, length: 40}\n");
            int parents = i < 3 ? 0 : 1 + random.nextInt(2);
            Set<Integer> used = new TreeSet<>();
            for (int k = 0; k < parents; k++) {
                int p = random.nextInt(i);
                if (!used.add(p)) {
                    continue;
                }
                String ondelete = random.nextBoolean() ? ", ondelete: CASCADE" : "";
                tables.append("      t").append(p).append("_id: {type: integer, foreign_key: t").append(p).append(".id")
                        .append(ondelete).append("}\n");
                String cascade = random.nextInt(3) == 0 ? ", cascade: \"all, delete-orphan\"" : "";
                rels[p].append("      c").append(i).append("s: {target: C").append(i).append(", back_populates: p")
                        .append(p).append(cascade).append("}\n");
                rels[i].append("      p").append(p).append(": {target: C").append(p).append(", back_populates: c")
                        .append(i).append("s}\n");
            }
            if (i == 5) {
                tables.append("      parent_id: {type: integer, foreign_key: t5.id}\n");
                rels[i].append("      children: {target: C5, back_populates: parent, cascade: \"all, delete-orphan\"}\n");
                rels[i].append("      parent: {target: C5, back_populates: children, remote_side: [t5.id]}\n");
            }
        }
        int[][] manyToMany = {{1, 2}, {4, 9}, {n - 1, n / 2}};
        for (int[] m : manyToMany) {
            String t = "link_" + m[0] + "_" + m[1];
            tables.append("  ").append(t).append(":\n    columns:\n");
            tables.append("      a_id: {type: integer, primary_key: true, foreign_key: t").append(m[0]).append(".id}\n");
            tables.append("      b_id: {type: integer, primary_key: true, foreign_key: t").append(m[1]).append(".id}\n");
            rels[m[0]].append("      m").append(m[1]).append(": {target: C").append(m[1]).append(", secondary: ").append(t)
                    .append(", back_populates: m").append(m[0]).append("}\n");
            rels[m[1]].append("      m").append(m[0]).append(": {target: C").append(m[0]).append(", secondary: ").append(t)
                    .append(", back_populates: m").append(m[1]).append("}\n");
        }
        for (int i = 0; i < n; i++) {
            classes.append("  C").append(i).append(":\n    table: t").append(i).append("\n");
            if (!rels[i].isEmpty()) {
                classes.append("    relationships:\n").append(rels[i]);
            }
        }
        String text = "format: 1\n" + tables + classes + "steps: []\n";
        try {
            return ScenarioFiles.parse(text, "generated-" + n + ".yaml");
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage() + "\n" + text);
        }
    }
}
