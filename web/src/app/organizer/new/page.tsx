import { NewEvent } from "@/organizer/NewEvent";

export default function NewEventPage() {
  return <NewEvent />;
}
