import { Suspense } from "react";
import { ManageEvent } from "@/organizer/ManageEvent";

// /organizer/event/?id=…, like /event/?id=…: no page per event in the static export
export default function ManageEventPage() {
  return (
    <Suspense>
      <ManageEvent />
    </Suspense>
  );
}
