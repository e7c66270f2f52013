export const familiesFr = { pageTitle: "Familles" };
