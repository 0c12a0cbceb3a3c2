import { SignUp } from "@/auth/SignUp";

export default function SignUpPage() {
  return <SignUp />;
}
