export const dayFr = { pageTitle: "La journée" };
