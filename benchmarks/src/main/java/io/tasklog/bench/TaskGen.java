package io.tasklog.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** Random but plausible task bodies: titles of random words, skewed priorities and tags, spread due dates. */
public final class TaskGen {

    public static final List<String> WORDS = List.of(
            "review", "draft", "call", "email", "plan", "fix", "write", "update", "check", "order",
            "book", "pay", "clean", "prepare", "send", "read", "finish", "schedule", "submit", "organize",
            "report", "invoice", "budget", "meeting", "dentist", "groceries", "garden", "laptop", "proposal", "slides",
            "contract", "taxes", "insurance", "flight", "hotel", "birthday", "gift", "car", "bike", "kitchen",
            "backup", "server", "release", "roadmap", "interview", "design", "database", "newsletter", "website", "printer",
            "quarterly", "weekly", "urgent", "client", "team", "family", "school", "project", "library", "doctor",
            "passport", "renewal", "migration", "benchmark", "dashboard", "recipe", "holiday", "painting", "window", "fence",
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
            "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
            "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "amber", "cobalt", "saffron", "teal");

    /** Tags; earlier ones are much more frequent (see {@link #tag(Random)}). */
    public static final List<String> TAGS = List.of(
            "work", "home", "errand", "finance", "health", "family", "urgent", "someday", "reading", "travel",
            "garden", "car", "school", "admin", "music", "sport", "ops", "infra", "design", "legal");

    /** Priorities with weights 30/25/25/15/5 %. */
    public static final String[] PRIORITIES = {"none", "low", "medium", "high", "urgent"};
    private static final int[] PRIORITY_WEIGHTS = {30, 25, 25, 15, 5};

    private TaskGen() {
    }

    public static String title(Random random, int minWords, int maxWords) {
        int words = minWords + random.nextInt(maxWords - minWords + 1);
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                title.append(' ');
            }
            title.append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return title.toString();
    }

    public static String priority(Random random) {
        int roll = random.nextInt(100);
        for (int i = 0; i < PRIORITIES.length; i++) {
            roll -= PRIORITY_WEIGHTS[i];
            if (roll < 0) {
                return PRIORITIES[i];
            }
        }
        return PRIORITIES[0];
    }

    /** Skewed: "work" is on about a quarter of the picks, "legal" on well under 1 %. */
    public static String tag(Random random) {
        double u = random.nextDouble();
        int index = (int) Math.floor(TAGS.size() * u * u * u);
        return TAGS.get(Math.min(index, TAGS.size() - 1));
    }

    /** A create body with 0–3 tags, a due date within [now - 30 d, now + 60 d] for 85 % of tasks. */
    public static ObjectNode task(Random random, Instant now) {
        ObjectNode task = Api.object();
        task.put("title", title(random, 2, 5));
        task.put("priority", priority(random));
        ArrayNode tags = task.putArray("tags");
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String tag = tag(random);
            boolean duplicate = false;
            for (int j = 0; j < tags.size(); j++) {
                duplicate |= tags.get(j).asText().equals(tag);
            }
            if (!duplicate) {
                tags.add(tag);
            }
        }
        if (random.nextInt(100) < 85) {
            long minutes = -30L * 24 * 60 + random.nextInt(90 * 24 * 60);
            task.put("dueAt", now.plus(Duration.ofMinutes(minutes)).toString());
        }
        return task;
    }

    /** A small create body, no due date (so no reminders are scheduled). */
    public static ObjectNode simpleTask(Random random) {
        ObjectNode task = Api.object();
        task.put("title", title(random, 2, 4));
        task.put("priority", priority(random));
        task.putArray("tags").add(tag(random));
        return task;
    }
}
