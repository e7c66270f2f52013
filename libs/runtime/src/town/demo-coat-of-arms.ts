/**
 * Saint-Ardoise's coat of arms (a made-up town): « d'azur à trois losanges d'argent, au chef
 * d'or chargé de trois besants d'azur » — three slates under a golden chief. A real town
 * gives its own file in TOWN_LOGO_FILE.
 */
export const DEMO_COAT_OF_ARMS_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120" width="100" height="120">
  <title>Blason de Saint-Ardoise</title>
  <path d="M6 6 H94 V62 C94 90 74 106 50 115 C26 106 6 90 6 62 Z" fill="#1f3a5f"/>
  <path d="M6 6 H94 V34 H6 Z" fill="#c8a415"/>
  <circle cx="28" cy="20" r="6.5" fill="#1f3a5f"/>
  <circle cx="50" cy="20" r="6.5" fill="#1f3a5f"/>
  <circle cx="72" cy="20" r="6.5" fill="#1f3a5f"/>
  <path d="M32 42 L42 56 L32 70 L22 56 Z" fill="#eef1f4"/>
  <path d="M68 42 L78 56 L68 70 L58 56 Z" fill="#eef1f4"/>
  <path d="M50 72 L60 86 L50 100 L40 86 Z" fill="#eef1f4"/>
  <path d="M6 6 H94 V62 C94 90 74 106 50 115 C26 106 6 90 6 62 Z" fill="none" stroke="#ffffff" stroke-width="3"/>
</svg>
`;
