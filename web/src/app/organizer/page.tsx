import { MyEvents } from "@/organizer/MyEvents";

export default function OrganizerPage() {
  return <MyEvents />;
}
