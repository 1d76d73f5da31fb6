// A feature's own translations, in every UI language, merged into the one resource tree at start-up. Each
// feature owns its top-level keys (the i18n test refuses two bundles with the same key), so screens can be
// translated side by side without touching one shared file.
export type Tree = { [k: string]: string | Tree };
export interface Bundle {
  en: Tree;
  it: Tree;
  pl: Tree;
  de: Tree;
}
