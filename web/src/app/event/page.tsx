import { Suspense } from "react";
import { EventPage } from "@/events/EventPage";

// /event/?id=…: a query parameter, not a path segment, so the static export needs no page per event
export default function Event() {
  return (
    <Suspense>
      <EventPage />
    </Suspense>
  );
}
