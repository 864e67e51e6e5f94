// The bytes of zone-file syntax, named once for the scanner, the parser, the details reader and the lint's
// byte-level checks (they must agree on what separates, quotes, escapes and comments).

export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SP = 0x20;
export const QUOTE = 0x22;
export const DOLLAR = 0x24;
export const LPAREN = 0x28;
export const RPAREN = 0x29;
export const STAR = 0x2a;
export const DOT = 0x2e;
export const COLON = 0x3a;
export const SEMI = 0x3b;
export const AT = 0x40;
export const BACKSLASH = 0x5c;
