package dev.cascadeviz.orm.uow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cascadeviz.orm.OrmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologicalSortTest {

    /** SQLAlchemy's sort_as_subsets written as it is (a rescan of the items left per layer). */
    private static List<List<Integer>> reference(Set<List<Integer>> edges, List<Integer> items) {
        List<List<Integer>> layers = new ArrayList<>();
        List<Integer> todo = new ArrayList<>(items);
        Set<Integer> todoSet = new LinkedHashSet<>(items);
        while (!todoSet.isEmpty()) {
            List<Integer> output = new ArrayList<>();
            for (Integer node : todo) {
                boolean ready = true;
                for (List<Integer> e : edges) {
                    if (e.get(1).equals(node) && todoSet.contains(e.get(0))) {
                        ready = false;
                    }
                }
                if (ready) {
                    output.add(node);
                }
            }
            if (output.isEmpty()) {
                layers.add(null); // the CircularDependencyError
                return layers;
            }
            todoSet.removeAll(output);
            todo.removeIf(t -> !todoSet.contains(t));
            layers.add(output);
        }
        return layers;
    }

    private static List<List<Integer>> sorted(Set<List<Integer>> edges, List<Integer> items) {
        List<List<Integer>> layers = new ArrayList<>();
        Iterator<List<Integer>> it = TopologicalSort.sortAsSubsets(edges, items);
        try {
            while (it.hasNext()) {
                layers.add(it.next());
            }
        } catch (OrmException e) {
            assertEquals("CircularDependencyError", e.type());
            layers.add(null);
        }
        return layers;
    }

    @Test
    void givesSqlalchemysLayersOnRandomGraphsWithAndWithoutCycles() {
        Random random = new Random(16);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(12);
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(i);
            }
            Collections.shuffle(items, random);
            Set<List<Integer>> edges = new HashSet<>();
            int m = random.nextInt(2 * n + 1);
            boolean acyclic = random.nextBoolean();
            for (int i = 0; i < m; i++) {
                int a = random.nextInt(n + 2); // n and n + 1 are not items: they never hold anything back
                int b = random.nextInt(n + 2);
                if (acyclic && a >= b) {
                    continue;
                }
                edges.add(List.of(a, b));
            }
            assertEquals(reference(edges, items), sorted(edges, items), "edges " + edges + ", items " + items);
        }
    }

    /** A node whose hash runs against its number, so that hash order is not the items' order. */
    private record Node(int n) {
        @Override
        public int hashCode() {
            return -31 * n;
        }
    }

    @Test
    void findCyclesGivesTheNodesOfCyclesInTheItemsOrderWhateverTheirHashes() {
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(new Node(i));
        }
        Collections.shuffle(items, new Random(8));
        Set<List<Node>> edges = new LinkedHashSet<>();
        for (int i = 0; i < 30; i++) {   // one ring through nodes 0..29; 30..39 hang off it
            edges.add(List.of(new Node(i), new Node((i + 1) % 30)));
        }
        for (int i = 30; i < 40; i++) {
            edges.add(List.of(new Node(i - 30), new Node(i)));
        }
        List<Node> expected = items.stream().filter(x -> x.n() < 30).toList();
        assertEquals(expected, new ArrayList<>(TopologicalSort.findCycles(edges, items)));
    }

    @Test
    void aChainOfAHundredThousandIsSortedOneItemPerLayer() {
        int n = 100_000;
        List<Integer> items = new ArrayList<>();
        Set<List<Integer>> edges = new HashSet<>();
        for (int i = 0; i < n; i++) {
            items.add(n - 1 - i);
            if (i > 0) {
                edges.add(List.of(i - 1, i));
            }
        }
        List<List<Integer>> layers = sorted(edges, items);
        assertEquals(n, layers.size());
        assertEquals(List.of(n - 1), layers.get(n - 1));
    }
}
