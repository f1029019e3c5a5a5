// Reads an iCalendar file with ical.js and prints one JSON object per line for each VEVENT:
// {"uid","summary","location","status","sequence","start","end"} with start and end as UTC instants (ISO 8601).
// Used by PracticeSuite.Scheduling.Tests (CalendarFeedTests) to check the feeds with a reader other than the one that
// wrote them. Usage: node check.js <file.ics>
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node check.js <file.ics>');
  process.exit(2);
}

const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
const zones = calendar.getAllSubcomponents('vtimezone');
for (const zone of zones) {
  ICAL.TimezoneService.register(zone);
}

function instant(event, name) {
  const property = event.component.getFirstProperty(name);
  const tzid = property.getParameter('tzid');
  const time = property.getFirstValue();
  // A TZID this file does not define would leave the time floating (read in this process's zone): refuse it.
  if (tzid && !ICAL.TimezoneService.has(tzid)) {
    throw new Error(`${name} names TZID ${tzid}, which no VTIMEZONE in the file defines`);
  }
  return time.toJSDate().toISOString();
}

for (const component of calendar.getAllSubcomponents('vevent')) {
  const event = new ICAL.Event(component);
  console.log(JSON.stringify({
    uid: event.uid,
    summary: event.summary,
    location: event.location,
    status: component.getFirstPropertyValue('status'),
    sequence: event.sequence,
    start: instant(event, 'dtstart'),
    end: instant(event, 'dtend'),
  }));
}
console.log(JSON.stringify({ method: calendar.getFirstPropertyValue('method'), timezones: zones.map(z => z.getFirstPropertyValue('tzid')) }));
