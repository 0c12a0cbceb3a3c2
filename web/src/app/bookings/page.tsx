import { MyBookings } from "@/bookings/MyBookings";

export default function BookingsPage() {
  return <MyBookings />;
}
