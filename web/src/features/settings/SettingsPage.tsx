// Placeholder until this screen lands in this change; replaced by the screen itself.
export default function Page() {
  return null;
}
