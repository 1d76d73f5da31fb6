// Placeholder until the differences report lands in this change.
export default function Page() {
  return null;
}
