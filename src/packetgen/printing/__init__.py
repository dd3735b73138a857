"""Print hand-off: the documents' PDFs (LibreOffice, checked), packet.pdf, the 印刷発注書, previews,
the baseline and the zip. print_packet.py (packetgen print) and proofs.py (packetgen watch) run the
same public steps, one module each."""
