import { UpcomingEvents } from "@/events/UpcomingEvents";

export default function EventsPage() {
  return <UpcomingEvents />;
}
