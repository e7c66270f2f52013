export const attendanceFr = { pageTitle: "Présences" };
