/** A prestation's code: 2 to 20 capitals, digits, « - » or « _ » (CANTINE, ALSH_MERCREDI). */
export const SERVICE_CODE = /^[A-Z0-9_-]{2,20}$/;
/** A time of day, HH:MM (Paris). */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
