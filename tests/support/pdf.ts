import PDFDocument from 'pdfkit';

/** A made-up A4 PDF of one or more pages, each drawn by its function, as bytes: a layout the readers' tests name. */
export function pdfOf(...pages: ((doc: PDFKit.PDFDocument) => void)[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (const draw of pages) {
      doc.addPage();
      draw(doc);
    }
    doc.end();
  });
}
