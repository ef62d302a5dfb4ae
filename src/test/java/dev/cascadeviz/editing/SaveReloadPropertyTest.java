package dev.cascadeviz.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cascadeviz.app.editor.NewScenario;
import dev.cascadeviz.editing.RelationshipPlan.Kind;
import dev.cascadeviz.model.Column;
import dev.cascadeviz.model.ColumnType;
import dev.cascadeviz.model.Engine;
import dev.cascadeviz.model.MappedClass;
import dev.cascadeviz.model.Point;
import dev.cascadeviz.model.ReferentialAction;
import dev.cascadeviz.model.Release;
import dev.cascadeviz.model.Scenario;
import dev.cascadeviz.model.Table;
import dev.cascadeviz.scenario.ScenarioCheck;
import dev.cascadeviz.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: any file the window saves reopens unchanged. Random sequences of the window's model
 * edits, each kept only when the window would keep it (the edit itself and the loader's checks
 * accept it); after every sequence the scenario is saved to a file, reloaded and compared.
 */
class SaveReloadPropertyTest {

    private static final int SEQUENCES = 60;
    private static final int EDITS = 30;

    @TempDir
    Path dir;

    @Test
    void randomEditSequencesSaveAndReloadEqual() throws Exception {
        int kept = 0;
        int tried = 0;
        int[] kinds = new int[Op.values().length];
        for (int seq = 0; seq < SEQUENCES; seq++) {
            Random r = new Random(1000 + seq);
            Scenario s = seq % 2 == 0 ? NewScenario.empty(
                    Engine.values()[seq % 4 / 2], Release.values()[seq % 2])
                    : SixClassModel.build();
            for (int i = 0; i < EDITS; i++) {
                Op op = Op.values()[r.nextInt(Op.values().length)];
                tried++;
                Scenario next;
                try {
                    next = op.apply(s, r, i);
                } catch (IllegalArgumentException refused) {
                    continue;
                }
                if (ScenarioFiles.toYaml(next).equals(ScenarioFiles.toYaml(s)) || !ScenarioCheck.problems(next).isEmpty()) {
                    continue;
                }
                s = next;
                kept++;
                kinds[op.ordinal()]++;
            }
            Path file = dir.resolve("seq-" + seq + ".yaml");
            ScenarioFiles.save(s, file);
            Scenario back = ScenarioFiles.load(file);
            assertEquals(s, back, "sequence " + seq + " did not reopen unchanged:\n" + ScenarioFiles.toYaml(s));
            // records compare maps without order: the order of columns, classes and rows must hold too
            assertEquals(List.copyOf(s.tables().keySet()), List.copyOf(back.tables().keySet()));
            for (Table t : s.tables().values()) {
                assertEquals(List.copyOf(t.columns().keySet()), List.copyOf(back.table(t.name()).columns().keySet()), t.name());
            }
            assertEquals(List.copyOf(s.classes().keySet()), List.copyOf(back.classes().keySet()));
        }
        System.out.println("save/reload property: " + kept + " of " + tried + " edits kept, by kind " + Arrays.toString(kinds));
        // the property is only worth something if the edits really happened, of every kind
        assertTrue(kept > tried / 4, kept + " of " + tried + " edits kept");
        for (Op op : Op.values()) {
            assertTrue(kinds[op.ordinal()] > 0, op + " never kept");
        }
    }

    enum Op {
        ADD_CLASS {
            Scenario apply(Scenario s, Random r, int i) {
                String name = "K" + r.nextInt(40);
                return ModelEdits.addClass(s, name, ModelEdits.tableNameFor(name) + "_t", new Point(r.nextInt(900), r.nextInt(600)));
            }
        },
        RENAME_CLASS {
            Scenario apply(Scenario s, Random r, int i) {
                return ModelEdits.renameClass(s, pickClass(s, r), "R" + r.nextInt(40));
            }
        },
        DELETE_CLASS {
            Scenario apply(Scenario s, Random r, int i) {
                return ModelEdits.deleteClass(s, pickClass(s, r));
            }
        },
        ADD_COLUMN {
            Scenario apply(Scenario s, Random r, int i) {
                ColumnType type = ColumnType.values()[r.nextInt(ColumnType.values().length)];
                Integer length = type == ColumnType.STRING && r.nextBoolean() ? 10 + r.nextInt(90) : null;
                return ModelEdits.addColumn(s, pickTable(s, r), new Column("c" + r.nextInt(30), type, length, false,
                        r.nextBoolean(), r.nextInt(4) == 0, r.nextInt(4) == 0, null, null, null, null));
            }
        },
        CHANGE_COLUMN {
            Scenario apply(Scenario s, Random r, int i) {
                String t = pickTable(s, r);
                Column c = pickColumn(s, t, r);
                Column changed = switch (r.nextInt(4)) {
                    case 0 -> new Column(c.name() + "x", c.type(), c.length(), c.primaryKey(), c.nullable(), c.unique(),
                            c.index(), c.autoincrement(), c.foreignKey(), c.ondelete(), c.onupdate());
                    case 1 -> c.withNullable(!c.nullable());
                    case 2 -> new Column(c.name(), c.type(), c.length(), c.primaryKey(), c.nullable(), !c.unique(),
                            !c.index(), c.autoincrement(), c.foreignKey(), c.ondelete(), c.onupdate());
                    default -> {
                        String target = pickTable(s, r);
                        Table tt = s.table(target);
                        if (tt.primaryKey().size() != 1) {
                            throw new IllegalArgumentException("no single key");
                        }
                        Column pk = tt.primaryKey().get(0);
                        yield new Column(c.name(), pk.type(), pk.length(), c.primaryKey(), c.nullable(), c.unique(),
                                c.index(), c.autoincrement(), target + "." + pk.name(),
                                ReferentialAction.values()[r.nextInt(ReferentialAction.values().length)], null);
                    }
                };
                return ModelEdits.replaceColumn(s, t, c.name(), changed);
            }
        },
        MOVE_COLUMN {
            Scenario apply(Scenario s, Random r, int i) {
                String t = pickTable(s, r);
                return ModelEdits.moveColumn(s, t, pickColumn(s, t, r).name(), r.nextBoolean() ? 1 : -1);
            }
        },
        DELETE_COLUMN {
            Scenario apply(Scenario s, Random r, int i) {
                String t = pickTable(s, r);
                return ModelEdits.deleteColumn(s, t, pickColumn(s, t, r).name());
            }
        },
        ADD_RELATIONSHIP {
            Scenario apply(Scenario s, Random r, int i) {
                String a = pickClass(s, r);
                String b = pickClass(s, r);
                Kind kind = RelationshipPlan.obvious(s, a, b);
                if (kind == null) {
                    kind = Kind.values()[r.nextInt(Kind.values().length)];
                }
                boolean many = kind == Kind.ONE_TO_MANY || kind == Kind.MANY_TO_MANY;
                String back = r.nextBoolean() ? "b" + i : null;
                return new RelationshipPlan(a, b, kind, RelationshipPlan.defaultName(b, many) + i, back,
                        kind == Kind.MANY_TO_MANY ? "assoc_" + i : null).apply(s);
            }
        },
        ADD_ROW {
            Scenario apply(Scenario s, Random r, int i) {
                return RowEdits.addRow(s, pickTable(s, r));
            }
        },
        SET_VALUE {
            Scenario apply(Scenario s, Random r, int i) {
                String t = pickTable(s, r);
                if (s.rowsOf(t).isEmpty()) {
                    throw new IllegalArgumentException("no rows");
                }
                Column c = pickColumn(s, t, r);
                String[] texts = {"", "42", "x" + i, "true", "2.5", "2024-02-03"};
                return RowEdits.setValue(s, t, r.nextInt(s.rowsOf(t).size()), c.name(),
                        RowEdits.parse(c, texts[r.nextInt(texts.length)]));
            }
        },
        DELETE_ROW {
            Scenario apply(Scenario s, Random r, int i) {
                String t = pickTable(s, r);
                if (s.rowsOf(t).isEmpty()) {
                    throw new IllegalArgumentException("no rows");
                }
                return RowEdits.deleteRow(s, t, r.nextInt(s.rowsOf(t).size()));
            }
        },
        FILL_SAMPLE_ROWS {
            Scenario apply(Scenario s, Random r, int i) {
                return SampleRows.fill(s, 1 + r.nextInt(3));
            }
        },
        DELETE_RELATIONSHIP {
            Scenario apply(Scenario s, Random r, int i) {
                MappedClass c = s.mappedClass(pickClass(s, r));
                List<String> rels = new ArrayList<>(c.relationships().keySet());
                if (rels.isEmpty()) {
                    throw new IllegalArgumentException("none");
                }
                return ModelEdits.deleteRelationship(s, c.name(), rels.get(r.nextInt(rels.size())));
            }
        };

        abstract Scenario apply(Scenario s, Random r, int i);

        static String pickClass(Scenario s, Random r) {
            List<String> names = new ArrayList<>(s.classes().keySet());
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no class");
            }
            return names.get(r.nextInt(names.size()));
        }

        static String pickTable(Scenario s, Random r) {
            List<String> names = new ArrayList<>(s.tables().keySet());
            if (names.isEmpty()) {
                throw new IllegalArgumentException("no table");
            }
            return names.get(r.nextInt(names.size()));
        }

        static Column pickColumn(Scenario s, String table, Random r) {
            List<Column> cols = new ArrayList<>(s.table(table).columns().values());
            return cols.get(r.nextInt(cols.size()));
        }
    }
}
