package io.tasklog.command.recurrence;

import static io.tasklog.command.recurrence.RecurrenceRule.MAX_COUNT;
import static io.tasklog.command.recurrence.RecurrenceRule.MAX_INTERVAL;
import static io.tasklog.command.recurrence.RecurrenceRule.MAX_LENGTH;
import static io.tasklog.command.recurrence.RecurrenceRule.months;

import io.tasklog.command.recurrence.RecurrenceRule.Frequency;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;

/**
 * Reads an RRULE into a {@link RecurrenceRule}: lib-recur parses it, a whitelist over the parsed rule keeps Tasklog's
 * subset, and what is wrong is said in the terms of that subset (which part, which value, what is allowed).
 */
final class RecurrenceRuleParser {

    private static final List<String> SUPPORTED_PARTS =
            List.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST");
    private static final String SUPPORTED = "FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL and WKST";
    private static final Set<String> UNSUPPORTED_RFC_PARTS = Set.of("BYSECOND", "BYMINUTE", "BYHOUR", "BYYEARDAY",
            "BYWEEKNO", "BYSETPOS", "RSCALE", "SKIP");
    private static final Set<String> SUB_DAILY = Set.of("SECONDLY", "MINUTELY", "HOURLY");
    private static final Pattern BYDAY_VALUE = Pattern.compile("([+-]?\\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern UTC_DATE_TIME = Pattern.compile("\\d{8}T\\d{6}Z");

    private RecurrenceRuleParser() {
    }

    static RecurrenceRule parse(String rrule) {
        Map<String, String> parts = parts(ruleText(rrule));
        org.dmfs.rfc5545.recur.RecurrenceRule parsed;
        try {
            parsed = new org.dmfs.rfc5545.recur.RecurrenceRule(parts.entrySet().stream().map(part -> part.getKey() + "=" + part.getValue())
                    .collect(Collectors.joining(";")), RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException e) {
            throw rejected(parts, e);
        }
        return whitelisted(parsed, parts);
    }

    /** The rule's text, upper case, without {@code RRULE:}; what cannot be a single RRULE value is rejected. */
    private static String ruleText(String rrule) {
        if (rrule == null) {
            throw new InvalidRecurrenceException("rrule is required");
        }
        String text = rrule.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidRecurrenceException("rrule is too long (at most " + MAX_LENGTH + " characters)");
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.startsWith("DTSTART") || upper.contains("\nDTSTART")) {
            throw new InvalidRecurrenceException(
                    "DTSTART is not supported; the task's due date is the start of the series");
        }
        if (upper.indexOf('\n') >= 0 || upper.indexOf('\r') >= 0) {
            throw new InvalidRecurrenceException("only a single RRULE is accepted; "
                    + "DTSTART, EXDATE, RDATE and other properties are not supported");
        }
        if (upper.startsWith("RRULE:")) {
            upper = upper.substring("RRULE:".length()).strip();
        }
        if (upper.isEmpty()) {
            throw new InvalidRecurrenceException("rrule must not be empty");
        }
        if (upper.indexOf(':') >= 0) {
            throw new InvalidRecurrenceException(
                    "malformed rrule: unexpected ':'; give the rule as NAME=VALUE parts such as FREQ=WEEKLY;BYDAY=MO");
        }
        return upper;
    }

    /** The NAME=VALUE parts, names from the supported subset only, each once, spaces around items removed. */
    private static Map<String, String> parts(String rule) {
        String[] raw = rule.split(";", -1);
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            String part = raw[i].strip();
            if (part.isEmpty()) {
                if (i == raw.length - 1 && i > 0) {
                    continue; // tolerate one trailing ';'
                }
                throw new InvalidRecurrenceException("malformed rrule: empty part (check the ';' separators)");
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new InvalidRecurrenceException("malformed part '" + part + "': expected NAME=VALUE");
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip().replaceAll("\\s*,\\s*", ",");
            if (name.isEmpty()) {
                throw new InvalidRecurrenceException("malformed part '" + part + "': the name is missing");
            }
            if (name.equals("DTSTART")) {
                throw new InvalidRecurrenceException(
                        "DTSTART is not supported; the task's due date is the start of the series");
            }
            if (!SUPPORTED_PARTS.contains(name)) {
                throw new InvalidRecurrenceException((UNSUPPORTED_RFC_PARTS.contains(name)
                        ? name + " is not supported" : "unknown rule part '" + name + "'")
                        + "; supported parts are " + SUPPORTED);
            }
            if (value.isEmpty()) {
                throw new InvalidRecurrenceException(name + " has no value");
            }
            if (parts.putIfAbsent(name, value) != null) {
                throw new InvalidRecurrenceException(name + " is given more than once");
            }
        }
        if (!parts.containsKey("FREQ")) {
            throw new InvalidRecurrenceException("FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)");
        }
        return parts;
    }

    /** The supported subset, checked on the rule lib-recur parsed (what lib-recur accepts but Tasklog does not). */
    private static RecurrenceRule whitelisted(org.dmfs.rfc5545.recur.RecurrenceRule rule, Map<String, String> parts) {
        Frequency frequency = frequency(parts.get("FREQ"));
        bounded("INTERVAL", Integer.toString(rule.getInterval()), 1, MAX_INTERVAL);
        if (rule.getCount() != null) {
            bounded("COUNT", rule.getCount().toString(), 1, MAX_COUNT);
        }
        Instant until = rule.getUntil() == null ? null : until(rule.getUntil(), parts.get("UNTIL"));
        List<Integer> byMonth = months(rule);
        if (byMonth != null && frequency != Frequency.YEARLY) {
            throw new InvalidRecurrenceException("BYMONTH is only allowed with FREQ=YEARLY");
        }
        List<Integer> byMonthDay = rule.getByPart(Part.BYMONTHDAY);
        if (byMonthDay != null) {
            monthDayFrequency(frequency);
        }
        if (rule.getByDayPart() != null) {
            if (byMonthDay != null) {
                throw new InvalidRecurrenceException("BYDAY and BYMONTHDAY cannot both be set");
            }
            rule.getByDayPart().stream().filter(day -> day.pos != 0) // 0: a plain weekday
                    .forEach(day -> ordinalInRange(day.toString(), day.pos, frequency, byMonth != null));
        }
        if (byMonth != null && byMonthDay != null
                && byMonth.stream().noneMatch(m -> byMonthDay.stream().anyMatch(d -> Math.abs(d) <= Month.of(m).maxLength()))) {
            throw new InvalidRecurrenceException("BYMONTHDAY=" + parts.get("BYMONTHDAY") + " never falls in BYMONTH="
                    + parts.get("BYMONTH") + ", so the rule would never repeat");
        }
        return new RecurrenceRule(rule, frequency, until);
    }

    /** lib-recur rejected the rule: the part at fault, said in the terms of the supported subset. */
    private static InvalidRecurrenceException rejected(Map<String, String> parts, InvalidRecurrenceRuleException e) {
        Frequency frequency = frequency(parts.get("FREQ"));
        parts.forEach((name, value) -> {
            switch (name) {
                case "INTERVAL" -> bounded(name, value, 1, MAX_INTERVAL);
                case "COUNT" -> bounded(name, value, 1, MAX_COUNT);
                case "UNTIL" -> {
                    if (!UTC_DATE_TIME.matcher(value).matches()) {
                        throw new InvalidRecurrenceException(
                                "UNTIL must be a UTC date-time like 20261231T235959Z, not '" + value + "'");
                    }
                }
                case "BYMONTH" -> items(value, month -> month >= 1 && month <= 12,
                        "BYMONTH values must be months 1..12, not '");
                case "BYMONTHDAY" -> {
                    monthDayFrequency(frequency);
                    items(value, day -> day != 0 && Math.abs(day) <= 31, "BYMONTHDAY values must be 1..31 or -31..-1 "
                            + "(-1 is the last day of the month), not '");
                }
                case "BYDAY" -> {
                    for (String item : value.split(",", -1)) {
                        Matcher m = BYDAY_VALUE.matcher(item);
                        if (!m.matches()) {
                            throw new InvalidRecurrenceException("BYDAY value '" + item
                                    + "' is not a weekday like MO or an ordinal weekday like 2TU or -1FR");
                        }
                        if (m.group(1) != null) {
                            ordinalInRange(item, Integer.parseInt(m.group(1)), frequency, parts.containsKey("BYMONTH"));
                        }
                    }
                }
                case "WKST" -> {
                    if (!value.matches("MO|TU|WE|TH|FR|SA|SU")) {
                        throw new InvalidRecurrenceException("WKST must be a weekday like MO, not '" + value + "'");
                    }
                }
                default -> {
                }
            }
        });
        if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
            throw new InvalidRecurrenceException("COUNT and UNTIL cannot both be set");
        }
        return new InvalidRecurrenceException("invalid rrule: " + e.getMessage());
    }

    private static Frequency frequency(String value) {
        if (SUB_DAILY.contains(value)) {
            throw new InvalidRecurrenceException(
                    "FREQ=" + value + " is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        try {
            return Frequency.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecurrenceException(
                    "FREQ=" + value + " is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY");
        }
    }

    private static void bounded(String name, String value, int min, int max) {
        if (!INTEGER.matcher(value).matches()) {
            throw new InvalidRecurrenceException(name + " must be a whole number, not '" + value + "'");
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            throw new InvalidRecurrenceException(name + " must be " + min + ".." + max + ", not " + number);
        }
    }

    private static void items(String value, IntPredicate valid, String message) {
        for (String item : value.split(",", -1)) {
            if (!INTEGER.matcher(item).matches() || !valid.test(Integer.parseInt(item))) {
                throw new InvalidRecurrenceException(message + item + "'");
            }
        }
    }

    private static void monthDayFrequency(Frequency frequency) {
        if (frequency != Frequency.MONTHLY && frequency != Frequency.YEARLY) {
            throw new InvalidRecurrenceException("BYMONTHDAY is only allowed with FREQ=MONTHLY or YEARLY");
        }
    }

    private static void ordinalInRange(String item, int ordinal, Frequency frequency, boolean withByMonth) {
        if (ordinal == 0) {
            throw new InvalidRecurrenceException("BYDAY ordinal must not be 0 ('" + item + "')");
        }
        if (frequency != Frequency.MONTHLY && frequency != Frequency.YEARLY) {
            throw new InvalidRecurrenceException(
                    "BYDAY ordinals (" + item + ") are only allowed with FREQ=MONTHLY or YEARLY");
        }
        int limit = frequency == Frequency.YEARLY && !withByMonth ? 53 : 5;
        if (Math.abs(ordinal) > limit) {
            String scope = frequency == Frequency.MONTHLY ? "FREQ=MONTHLY"
                    : withByMonth ? "FREQ=YEARLY with BYMONTH" : "FREQ=YEARLY";
            throw new InvalidRecurrenceException("BYDAY ordinal in " + item + " must be 1.." + limit
                    + " or -" + limit + "..-1 for " + scope);
        }
    }

    private static Instant until(DateTime until, String value) {
        if (until.isAllDay() || until.isFloating()) {
            throw new InvalidRecurrenceException(
                    "UNTIL must be a UTC date-time like 20261231T235959Z, not '" + value + "'");
        }
        try { // lib-recur takes a day of month as it comes (20260230 is March 2)
            return LocalDateTime.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth(), until.getHours(),
                    until.getMinutes(), until.getSeconds()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new InvalidRecurrenceException("UNTIL " + value + " is not a valid date-time");
        }
    }
}
